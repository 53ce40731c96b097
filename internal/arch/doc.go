// Package arch holds no code: its test keeps the dependency arrows of
// tolmach's architecture one-way (cmd → check, index → glossary, tm →
// internal/lang), checked with "go list -deps".
package arch
