package glossary

import (
	"bytes"
	"sync"
)

// splitMinPiece is the least size of a piece of a TBX file read on its
// own: below it, starting a goroutine and a tokenizer costs more than it
// saves.
const splitMinPiece = 4 << 20

// parseTBXSplit reads a large TBX file (UTF-8, BOM removed) in up to n
// pieces at once, each cut just before a <termEntry> or <conceptEntry>
// tag, with the fast tokenizer. It returns ok false, and nothing, when
// the file is small, cannot be cut, or anything at all goes wrong: the
// caller then reads the file whole, which gives the authoritative result
// and error message. The result is the whole reading's: pieces after the
// first must hold no comment, CDATA section, DOCTYPE or processing
// instruction; every piece is read without error; the reader's state
// between entries is empty at every cut; and the elements a piece leaves
// open are exactly those the following pieces close. A construct that
// spans a cut (a comment, an attribute value, a tag) would leave the
// piece before it unfinished, which is an error of that piece.
func parseTBXSplit(data []byte, file string, n, minPiece int) (*Glossary, bool) {
	if n > len(data)/minPiece {
		n = len(data) / minPiece
	}
	if n < 2 {
		return nil, false
	}
	cuts := []int{0}
	for i := 1; i < n; i++ {
		from := max(len(data)*i/n, cuts[len(cuts)-1]+1)
		c := nextEntryTag(data, from)
		if c < 0 {
			break
		}
		if c > cuts[len(cuts)-1] {
			cuts = append(cuts, c)
		}
	}
	if len(cuts) < 2 {
		return nil, false
	}
	cuts = append(cuts, len(data))
	readers := make([]*tbxReader, len(cuts)-1)
	oks := make([]bool, len(readers))
	var wg sync.WaitGroup
	for i := range readers {
		wg.Go(func() {
			start, end := cuts[i], cuts[i+1]
			piece := data[start:end]
			if !plainXMLChars(piece) {
				return
			}
			if i > 0 && (bytes.Contains(piece, []byte("<!")) || bytes.Contains(piece, []byte("<?"))) {
				return
			}
			fx := fastXMLAt(data[:end], start)
			if fx == nil {
				return
			}
			r := &tbxReader{tz: fx, file: file, g: &Glossary{}, partial: true}
			if i > 0 {
				r.root = "?" // read by the first piece
			}
			readers[i] = r
			oks[i] = r.run() == nil
		})
	}
	wg.Wait()
	var open []string // the elements open at the current cut
	total := 0
	for i, r := range readers {
		if !oks[i] {
			return nil, false
		}
		for _, name := range r.unclosed {
			if len(open) == 0 || open[len(open)-1] != name {
				return nil, false
			}
			open = open[:len(open)-1]
		}
		open = append(open, r.stack...)
		last := i == len(readers)-1
		if !last && (r.c != nil || r.t != nil || r.lang != "") {
			return nil, false
		}
		total += len(r.g.Concepts)
	}
	if readers[0].root == "" || len(open) > 0 {
		return nil, false
	}
	g := &Glossary{Concepts: make([]*Concept, 0, total)}
	for _, r := range readers {
		g.Concepts = append(g.Concepts, r.g.Concepts...)
	}
	return fillIDs(g), true
}

// nextEntryTag returns the offset of the first <termEntry or
// <conceptEntry tag at or after from, -1 if there is none.
func nextEntryTag(data []byte, from int) int {
	for from < len(data) {
		i := bytes.Index(data[from:], []byte("Entry"))
		if i < 0 {
			return -1
		}
		at := from + i
		from = at + 1
		for _, tag := range []string{"<term", "<concept"} {
			s := at - len(tag)
			if s >= 0 && string(data[s:at]) == tag && at+5 < len(data) {
				switch data[at+5] {
				case ' ', '\t', '\n', '\r', '>', '/':
					return s
				}
			}
		}
	}
	return -1
}
