package main

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"strings"
)

// suffixRule is one SFX line of a hunspell affix file: strip a suffix of
// the stem, add another, when the stem matches cond.
type suffixRule struct {
	strip, add string
	cond       *regexp.Regexp
}

// readAff reads the suffix classes of a hunspell affix file. ru_RU has no
// prefixes and no continuation classes, so the suffix lines are all the
// morphology it holds; anything else is refused rather than misread.
func readAff(path string) (map[rune][]suffixRule, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rules := map[rune][]suffixRule{}
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		fs := strings.Fields(sc.Text())
		if len(fs) == 0 {
			continue
		}
		switch fs[0] {
		case "PFX":
			return nil, fmt.Errorf("%s:%d: prefixes are not supported", path, line)
		case "SFX":
			if len(fs) == 4 { // class header: SFX flag cross count
				continue
			}
			if len(fs) != 5 || strings.Contains(fs[3], "/") {
				return nil, fmt.Errorf("%s:%d: unsupported suffix rule %q", path, line, sc.Text())
			}
			r := suffixRule{strip: fs[2], add: fs[3]}
			if r.strip == "0" {
				r.strip = ""
			}
			if r.add == "0" {
				r.add = ""
			}
			re, err := regexp.Compile(fs[4] + "$")
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %w", path, line, err)
			}
			r.cond = re
			flag := []rune(fs[1])[0]
			rules[flag] = append(rules[flag], r)
		}
	}
	return rules, sc.Err()
}

// dicEntry is one line of a hunspell dictionary: a word and its flags.
type dicEntry struct {
	word  string
	flags string
}

// readDic reads a hunspell dictionary (first line: the entry count).
func readDic(path string) ([]dicEntry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []dicEntry
	sc := bufio.NewScanner(f)
	first := true
	for sc.Scan() {
		if first {
			first = false
			continue
		}
		w, fl, _ := strings.Cut(strings.TrimSpace(sc.Text()), "/")
		if w == "" {
			continue
		}
		out = append(out, dicEntry{word: w, flags: fl})
	}
	return out, sc.Err()
}

// expand returns the forms the flags of e generate, e's word first.
func expand(e dicEntry, rules map[rune][]suffixRule) []string {
	forms := []string{e.word}
	for _, fl := range e.flags {
		for _, r := range rules[fl] {
			if strings.HasSuffix(e.word, r.strip) && r.cond.MatchString(e.word) {
				forms = append(forms, e.word[:len(e.word)-len(r.strip)]+r.add)
			}
		}
	}
	return forms
}
