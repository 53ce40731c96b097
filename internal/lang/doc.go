// Package lang is tolmach's text foundation: decoding of files in the
// encodings Russian texts come in, normalisation, tokenisation with
// offsets, Russian and English stemming, sentence segmentation, number
// extraction, language detection by script, and the edit distance
// ([EditDistance]) fuzzy comparisons of spellings share.
//
// # The matching key
//
// Every text comparison in tolmach — glossary term recognition, the bleve
// analyzers of package index, the checker — goes through one path:
// [Fold] normalises a string (NFC, stress marks, ё→е, case, quotes,
// dashes, spaces, width), and [Analyze] splits folded text into tokens
// whose [Token.Key] is the stem of the folded word ([Stem]). Two strings
// match when their key sequences are equal. Nothing else in the module may
// compare text another way, so that the index and the checker can never
// disagree on what matches.
//
// Package lang imports nothing of tolmach's and must never print or exit.
package lang
