/**
 * How one press of play ended, reported once per play: the audio started after `waitedMs`, or it
 * could not be played (`mediaErrorCode` is the element's MediaError code when it had one).
 */
export type PlayOutcome =
  | { started: true; waitedMs: number }
  | { started: false; mediaErrorCode: number | null; message: string };
