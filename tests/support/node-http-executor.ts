import { request, type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { configureRequestOptions, configureRequestUrl, HttpExecutor, type DownloadOptions } from 'builder-util-runtime';

/**
 * electron-updater's HTTP executor over Node's http instead of Electron's net:
 * the same HttpExecutor base (redirects, timeouts, the length and sha512
 * checks of a download), only the request is Node's. `download` is the
 * ElectronHttpExecutor's own, line for line. For tests, which have no Electron.
 */
export class NodeHttpExecutor extends HttpExecutor<ClientRequest> {
  async download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise<string>((resolve, reject, onCancel) => {
      const requestOptions: RequestOptions = { headers: options.headers ?? undefined };
      configureRequestUrl(url, requestOptions);
      configureRequestOptions(requestOptions);
      this.doDownload(
        requestOptions,
        {
          destination,
          options,
          onCancel,
          callback: (error) => (error == null ? resolve(destination) : reject(error)),
          responseHandler: null,
        },
        0,
      );
    });
  }

  createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void): ClientRequest {
    return request(options, callback);
  }
}
