import { z } from 'zod';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const WindowPlacement = z.object({
  bounds: z.object({ x: z.int(), y: z.int(), width: z.int().min(200), height: z.int().min(200) }),
  maximized: z.boolean(),
});
export type WindowPlacement = z.infer<typeof WindowPlacement>;

export const defaultSize = { width: 1280, height: 800 };

function overlap(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

/**
 * Where to open the window: the saved placement if enough of it is still on a
 * screen (a monitor may have been unplugged), else a default size centred on
 * the primary screen and no larger than it.
 */
export function choosePlacement(saved: unknown, workAreas: Rectangle[]): WindowPlacement {
  const parsed = WindowPlacement.safeParse(saved);
  if (parsed.success) {
    const { bounds } = parsed.data;
    const visible = workAreas.some(
      (area) => overlap(bounds, area) >= Math.min(bounds.width * bounds.height * 0.5, 200 * 200),
    );
    if (visible) return parsed.data;
  }
  const primary = workAreas[0] ?? { x: 0, y: 0, ...defaultSize };
  const width = Math.min(defaultSize.width, primary.width);
  const height = Math.min(defaultSize.height, primary.height);
  return {
    bounds: {
      x: Math.round(primary.x + (primary.width - width) / 2),
      y: Math.round(primary.y + (primary.height - height) / 2),
      width,
      height,
    },
    maximized: false,
  };
}
