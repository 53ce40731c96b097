package data

import "embed"

// Glossaries holds the built-in glossary files, glossary/*.glossary.
//
//go:embed glossary/*.glossary
var Glossaries embed.FS

// BuiltinPattern is the fs.Glob pattern naming the built-in glossary files
// in [Glossaries].
const BuiltinPattern = "glossary/*.glossary"

// Samples holds the sample article pairs of samples/ (NAME.ru.txt and
// NAME.en.txt, with a README describing the deliberate errors).
//
//go:embed samples/*
var Samples embed.FS
