// The portal's own behaviour, loaded from a file: the Content-Security-Policy allows no inline script.
// (The language menu changes the language with its button, not on change: WCAG 3.2.2.)
