// Package project settles what a tolmach command or the server works
// with, so that the CLI and `tolmach serve` decide it the same way: the
// glossaries in use (the --glossary files, else those of the project
// configuration, else the built-in glossary), the translation memories
// (--tm, else the configuration's tms), the check options the
// configuration gives, the languages of an article pair, and the JSON
// shapes of lookup, tm match, tm search and align that the contract fixes.
//
// It never prints and never exits; its errors name the file concerned.
package project
