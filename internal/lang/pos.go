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

// Col converts a 1-based line and byte column on it (as encoding/csv
// reports them) to the 1-based character column. Out-of-range positions
// come back as byteCol.
func (x *LineIndex) Col(line, byteCol int) int {
	if line < 1 || line > len(x.starts) || byteCol < 1 {
		return byteCol
	}
	start := x.starts[line-1]
	end := len(x.text)
	if line < len(x.starts) {
		end = x.starts[line] - 1
	}
	if start+byteCol-1 > end {
		return byteCol
	}
	return utf8.RuneCountInString(x.text[start:start+byteCol-1]) + 1
}
