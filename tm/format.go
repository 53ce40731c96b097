package tm

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"tolmach/internal/lang"
)

// Format is a file format of translation memories.
type Format int

// The formats tolmach reads and writes.
const (
	TMX Format = iota + 1 // TMX 1.4b (reads 1.1–1.4b)
	TSV                   // tab-separated, header row naming the languages
	CSV                   // comma-separated (RFC 4180), header row naming the languages
)

// String returns the format's usual file extension without the dot.
func (f Format) String() string {
	switch f {
	case TMX:
		return "tmx"
	case TSV:
		return "tsv"
	case CSV:
		return "csv"
	}
	return "unknown"
}

// ParseFormat returns the format named tmx, tsv or csv.
func ParseFormat(name string) (Format, error) {
	switch strings.ToLower(name) {
	case "tmx":
		return TMX, nil
	case "tsv", "tab", "txt":
		return TSV, nil
	case "csv":
		return CSV, nil
	}
	return 0, fmt.Errorf("unknown TM format %q (want tmx, tsv or csv)", name)
}

// FormatOf returns the format of a TM file by its extension, else by
// its first bytes (TMX starts with '<' after any BOM; a first line with
// a tab is TSV; anything else is read as CSV).
func FormatOf(path string, head []byte) Format {
	if f, err := ParseFormat(strings.TrimPrefix(filepath.Ext(path), ".")); err == nil {
		return f
	}
	h := bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF})
	h = bytes.TrimLeft(h, " \t\r\n")
	if len(head) >= 2 && (head[0] == 0xFF && head[1] == 0xFE || head[0] == 0xFE && head[1] == 0xFF) || bytes.HasPrefix(h, []byte("<")) {
		return TMX
	}
	if i := bytes.IndexByte(h, '\n'); i >= 0 {
		h = h[:i]
	}
	if bytes.IndexByte(h, '\t') >= 0 {
		return TSV
	}
	return CSV
}

// Read reads every unit of r, in format f, calling fn for each; name is
// used in error messages. TMX is streamed in constant memory; tables are
// decoded whole (any encoding lang.Decode knows). fn may keep the unit.
func Read(r io.Reader, name string, f Format, fn func(*Unit) error) error {
	switch f {
	case TMX:
		tr, err := NewTMXReader(r, name)
		if err != nil {
			return err
		}
		for {
			u, err := tr.Next()
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
			if err := fn(&u); err != nil {
				return err
			}
		}
	case TSV, CSV:
		// A line over lang.MaxLineSize stops the read there: the table
		// is not held whole only to be refused.
		data, err := io.ReadAll(lang.LimitLines(r))
		if err != nil {
			return lang.FileError(name, err)
		}
		text, err := decodeTable(data, name)
		if err != nil {
			return err
		}
		comma := ','
		if f == TSV {
			comma = '\t'
		}
		return readTable(text, name, comma, fn)
	}
	return fmt.Errorf("%s: unknown TM format", name)
}

// ReadFile reads every unit of the TM file at path (format by
// [FormatOf]), calling fn for each.
func ReadFile(path string, fn func(*Unit) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	head := make([]byte, 512)
	n, _ := io.ReadFull(f, head)
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	return Read(f, path, FormatOf(path, head[:n]), fn)
}
