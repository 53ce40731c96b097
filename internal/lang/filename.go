package lang

import (
	"path/filepath"
	"strings"
)

// FileNameLang returns the language a file name states, or "" when it
// states none. The language is the LAST language tag of the name: a "ru"
// or "en" element between dots (article.ru.txt, notes.en.md, a.ru), else
// a "_ru" or "-en" ending of the part before the first dot (article_ru.txt).
// The last tag wins because document ids often hold one of their own:
// altapress.ru.37320.en.txt is English, sovsport.ru.20260.ru.txt Russian.
// Case does not matter. Every command that takes a language from a file
// name asks this function, so that they all agree.
func FileNameLang(path string) Lang {
	l, _, _ := fileNameTag(path)
	return l
}

// FileNameCounterpart returns the name of the file that holds the other
// language's version of path: its last language tag (see [FileNameLang])
// swapped, the directory and everything else kept (altapress.ru.37320.en.txt
// ↔ altapress.ru.37320.ru.txt, report_en.md ↔ report_ru.md). ok is false
// when the name states no language.
func FileNameCounterpart(path string) (l Lang, counterpart string, ok bool) {
	l, start, end := fileNameTag(path)
	if l == "" {
		return "", "", false
	}
	want := RU
	if l == RU {
		want = EN
	}
	// The new tag is written in the old one's case: RU ↔ EN, Ru ↔ En.
	tag, repl := path[start:end], []byte(want)
	for i := range repl {
		if tag[i] >= 'A' && tag[i] <= 'Z' {
			repl[i] -= 'a' - 'A'
		}
	}
	return l, path[:start] + string(repl) + path[end:], true
}

// fileNameTag finds the last language tag of path's base name and its
// byte span in path.
func fileNameTag(path string) (l Lang, start, end int) {
	// The name is what follows the last separator (not filepath.Base,
	// which drops trailing separators: "a.ru/" names no file).
	off := strings.LastIndexAny(path, "/"+string(filepath.Separator)) + 1
	base := path[off:]
	parts := strings.Split(base, ".")
	// Elements between dots, from the last one back; the first element
	// is the stem, never a tag by itself ("ru.txt" states nothing).
	pos := len(base)
	for i := len(parts) - 1; i >= 1; i-- {
		pos -= len(parts[i])
		if t := tagLang(parts[i]); t != "" {
			return t, off + pos, off + pos + len(parts[i])
		}
		pos-- // the dot
	}
	stem := parts[0]
	if n := len(stem); n > 3 && (stem[n-3] == '_' || stem[n-3] == '-') {
		if t := tagLang(stem[n-2:]); t != "" {
			return t, off + n - 2, off + n
		}
	}
	return "", 0, 0
}

func tagLang(s string) Lang {
	switch strings.ToLower(s) {
	case "ru":
		return RU
	case "en":
		return EN
	}
	return ""
}
