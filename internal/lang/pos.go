package lang

import (
	"sort"
	"unicode/utf8"
)

// LineIndex converts byte offsets of a text to 1-based line and column
// numbers, columns counted in characters (runes), as reports need them.
type LineIndex struct {
	text   string
	starts []int // byte offset of the start of each line
}

// NewLineIndex indexes the line starts of text. Lines end at "\n"; a
// "\r\n" pair counts as one line end.
func NewLineIndex(text string) *LineIndex {
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &LineIndex{text: text, starts: starts}
}

// Pos returns the 1-based line and column of the byte offset off.
func (x *LineIndex) Pos(off int) (line, col int) {
	if off > len(x.text) {
		off = len(x.text)
	}
	l := sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > off }) - 1
	return l + 1, utf8.RuneCountInString(x.text[x.starts[l]:off]) + 1
}
