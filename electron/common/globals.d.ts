/**
 * The one runtime global common code uses. Node and every browser have the WHATWG URL; declaring
 * just it (instead of adding the DOM or Node libraries) keeps the rest of those APIs out of common.
 */
declare class URL {
  constructor(input: string, base?: string);
  readonly origin: string;
  readonly protocol: string;
  readonly host: string;
  readonly hostname: string;
  readonly pathname: string;
  readonly username: string;
  readonly password: string;
}
