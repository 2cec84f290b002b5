/** Recaps per page on the home page and its numbered pages (`/?page=N`). */
export const POSTS_PER_PAGE = 10;
