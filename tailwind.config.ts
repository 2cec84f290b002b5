import type { Config } from 'tailwindcss';
import typography from '@tailwindcss/typography';

// Read by app/globals.css through `@config`; Tailwind 4 scans sources on its own.
export default {
  darkMode: 'class',
  theme: {
    extend: {
      fontFamily: {
        sans: ['var(--font-sans)', 'ui-sans-serif', 'system-ui', 'sans-serif'],
        mono: ['ui-monospace', 'SFMono-Regular', 'Menlo', 'monospace'],
      },
      colors: {
        accent: {
          50: '#fff7ed', 100: '#ffedd5', 200: '#fed7aa', 300: '#fdba74', 400: '#fb923c',
          500: '#f97316', 600: '#ea580c', 700: '#c2410c', 800: '#9a3412', 900: '#7c2d12', 950: '#431407',
        },
      },
      maxWidth: { prose: '70ch' },
    },
  },
  plugins: [typography],
} satisfies Config;
