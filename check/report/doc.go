// Package report prints the findings of package check, one file per
// format: text (for people), json (contract.md's shape), sarif (SARIF
// 2.1.0), github (GitHub Actions workflow commands), junit (JUnit XML)
// and html (one self-contained page with the aligned texts side by side).
//
// Every printer receives findings already sorted by file, line and
// column, and must produce valid output whatever the checked text holds
// (quotes, control characters, invalid markup): the fuzz tests feed them
// arbitrary text. The package never decides exit codes and never reads
// files; it only writes to the io.Writer it is given.
package report
