/** The two languages by name, as the studio's labels and messages say them. */
export const LANGUAGE_NAMES = { en: 'English', zh: 'Chinese' } as const;
