/** The channel id of the service's own Direct Line endpoint (Web Chat): what its conversation keys start with. */
export const DIRECTLINE_CHANNEL = 'directline';
