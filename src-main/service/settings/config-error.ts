// The error of a bad configuration (a file, a flag, an environment variable), in a module of its own so that the
// CLI can tell it apart without loading the settings code.

/** A configuration problem, described in one line. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
