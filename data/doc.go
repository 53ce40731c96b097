// Package data holds what tolmach compiles into its binary: the built-in
// glossary (glossary/*.glossary, the native format of package glossary)
// and the sample article pairs (samples/).
//
// It only embeds files. It must not import index, check, tm or the CLI;
// parsing is package glossary's business and happens lazily, when a
// command first needs terms (glossary.LoadFS(data.Glossaries, BuiltinPattern)).
package data
