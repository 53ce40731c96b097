package lang

import (
	"sort"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// LineIndex converts byte offsets of a text to 1-based line and column
// numbers, columns counted in characters (runes), as reports need them.
// It is safe for concurrent use.
type LineIndex struct {
	text   string
	starts []int // byte offset of the start of each line

	// Markup (minified HTML, XLIFF) may be one line of megabytes, and a
	// column counted from its start for every position would make the
	// positions of a file cost the square of its size. Counts of runes
	// at checkpoints every checkpointBytes bytes, made on the first
	// column asked on a long line, bound the counting per position.
	once        sync.Once
	checkpoints []checkpoint
	scanned     atomic.Int64 // bytes counted for columns, for tests
}

// checkpoint is the number of runes in text[:off], off a rune start.
type checkpoint struct{ off, runes int }

// checkpointBytes is the spacing of checkpoints: a column costs at most
// this many bytes of counting.
const checkpointBytes = 4096

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
	return l + 1, x.runes(x.starts[l], off) + 1
}

// runes counts the runes of x.text[from:to], from being a line start.
func (x *LineIndex) runes(from, to int) int {
	if to-from <= 2*checkpointBytes {
		x.scanned.Add(int64(to - from))
		return utf8.RuneCountInString(x.text[from:to])
	}
	x.once.Do(x.makeCheckpoints)
	return x.runesBefore(to) - x.runesBefore(from)
}

// runesBefore counts the runes of x.text[:off] from the checkpoint
// before off.
func (x *LineIndex) runesBefore(off int) int {
	i := sort.Search(len(x.checkpoints), func(i int) bool { return x.checkpoints[i].off > off }) - 1
	cp := x.checkpoints[i]
	x.scanned.Add(int64(off - cp.off))
	return cp.runes + utf8.RuneCountInString(x.text[cp.off:off])
}

// makeCheckpoints counts the runes of the text once, noting the count at
// the rune start at or before every checkpointBytes bytes (counts add up
// across rune starts, invalid bytes counting one each as everywhere).
func (x *LineIndex) makeCheckpoints() {
	cps := make([]checkpoint, 1, len(x.text)/checkpointBytes+1)
	for off := checkpointBytes; off < len(x.text); off += checkpointBytes {
		at := off
		for at > cps[len(cps)-1].off && !utf8.RuneStart(x.text[at]) {
			at--
		}
		last := cps[len(cps)-1]
		cps = append(cps, checkpoint{off: at, runes: last.runes + utf8.RuneCountInString(x.text[last.off:at])})
	}
	x.checkpoints = cps
	x.scanned.Add(int64(len(x.text)))
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
	return x.runes(start, start+byteCol-1) + 1
}
