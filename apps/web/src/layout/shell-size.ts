/** The signed-in frame's fixed sizes: the header's height and the navbar's width from `sm` up. */
export const HEADER_HEIGHT = 60;
export const NAVBAR_WIDTH = 248;
