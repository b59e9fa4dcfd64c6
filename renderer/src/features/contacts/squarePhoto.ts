/** Photos are shown at most 44 px wide (88 on a high-density screen); 512 leaves room and keeps the file small. */
export const photoSide = 512;
const quality = 0.88;

/** The kinds a photo may start as; the core checks the bytes of what we send again. */
export const photoTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;

export class PhotoDecodeError extends Error {}

/**
 * A picked image as a square JPEG of at most 512×512: the centre of the
 * picture, cropped to a square (avatars are round), scaled down, never up.
 * Transparent parts become white, since JPEG has no transparency.
 */
export async function squarePhoto(image: Blob): Promise<Blob> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(image);
  } catch {
    throw new PhotoDecodeError('The image could not be decoded.');
  }
  try {
    const crop = Math.min(bitmap.width, bitmap.height);
    const side = Math.min(photoSide, crop);
    const canvas = document.createElement('canvas');
    canvas.width = side;
    canvas.height = side;
    const context = canvas.getContext('2d');
    if (!context) throw new PhotoDecodeError('This window cannot draw images.');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, side, side);
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, (bitmap.width - crop) / 2, (bitmap.height - crop) / 2, crop, crop, 0, 0, side, side);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new PhotoDecodeError('The photo could not be encoded.'))),
        'image/jpeg',
        quality,
      ),
    );
  } finally {
    bitmap.close();
  }
}
