// Command tolmach keeps Russian–English foreign-policy terminology
// consistent: glossary lookup, translation memory, alignment and the
// paired-article check. See the README for usage.
package main

import "os"

func main() { os.Exit(run(os.Args, os.Stdout, os.Stderr)) }
