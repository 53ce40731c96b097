package lang

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckLines(t *testing.T) {
	const max = 10
	line := func(n int) string { return strings.Repeat("x", n) }
	utf16le := func(s string) string { // ASCII only
		var b strings.Builder
		b.WriteString("\xFF\xFE")
		for i := 0; i < len(s); i++ {
			b.WriteByte(s[i])
			b.WriteByte(0)
		}
		return b.String()
	}
	utf16be := func(s string) string {
		var b strings.Builder
		b.WriteString("\xFE\xFF")
		for i := 0; i < len(s); i++ {
			b.WriteByte(0)
			b.WriteByte(s[i])
		}
		return b.String()
	}
	tests := []struct {
		name     string
		data     string
		wantLine int // 0: no error
		wantSize int64
	}{
		{"empty", "", 0, 0},
		{"exactly max, no newline", line(max), 0, 0},
		{"exactly max, newline", line(max) + "\n", 0, 0},
		{"max+1, no newline", line(max + 1), 1, max + 1},
		{"max+1 then newline", line(max+1) + "\n", 1, max + 1},
		{"third line too long", "a\nb\n" + line(max+1) + "\nc\n", 3, max + 1},
		{"third line exactly max", "a\nb\n" + line(max) + "\nc\n", 0, 0},
		{"CRLF: the CR is no part of the line", line(max) + "\r\n" + line(max) + "\r\n", 0, 0},
		{"CRLF counts one line", "a\r\nb\r\n" + line(max+2) + "\r\n", 3, max + 2},
		{"lone CR ends a line", "a\rb\r" + line(max+1), 3, max + 1},
		{"CR CR is two lines", "a\r\r" + line(max+1), 3, max + 1},
		{"many short lines", strings.Repeat(line(max)+"\n", 50), 0, 0},
		{"last of many", strings.Repeat(line(max)+"\n", 50) + line(max+1), 51, max + 1},
		{"UTF-16LE: max bytes pass", utf16le(line(max/2) + "\n" + line(max/2)), 0, 0},
		{"UTF-16LE: third line", utf16le("a\r\nb\n" + line(max/2+1)), 3, max + 2},
		{"UTF-16BE: third line", utf16be("a\nb\r" + line(max/2+1) + "\n"), 3, max + 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, err := range []error{checkLines(tc.data, max), checkLines([]byte(tc.data), max)} {
				if tc.wantLine == 0 {
					if err != nil {
						t.Fatalf("got %v, want no error", err)
					}
					continue
				}
				var tl *TooLargeError
				if !errors.As(err, &tl) || !errors.Is(err, ErrTooLarge) {
					t.Fatalf("got %v, want a *TooLargeError", err)
				}
				if tl.Line != tc.wantLine || tl.Size != tc.wantSize || tl.Limit != max {
					t.Errorf("got line %d size %d limit %d, want line %d size %d limit %d", tl.Line, tl.Size, tl.Limit, tc.wantLine, tc.wantSize, max)
				}
			}
		})
	}
}

func TestCheckLinesRealLimit(t *testing.T) {
	ok := bytes.Repeat([]byte("я"), MaxLineSize/2) // exactly MaxLineSize bytes
	if err := CheckLines(append([]byte("заголовок\n"), ok...)); err != nil {
		t.Errorf("a line of exactly MaxLineSize bytes: %v", err)
	}
	long := append([]byte("заголовок\r\n\r\n"), append(ok, 'x')...)
	err := CheckLines(long)
	want := "line is 1,048,577 bytes; tolmach reads lines up to 1 MiB (is this a text file?)"
	if err == nil || err.Error() != want {
		t.Errorf("MaxLineSize+1: got %v, want %q", err, want)
	}
	if _, _, err := Decode(long, ""); !errors.Is(err, ErrTooLarge) {
		t.Errorf("Decode: got %v, want ErrTooLarge", err)
	}
}

func TestReadFileLimits(t *testing.T) {
	dir := t.TempDir()
	long := filepath.Join(dir, "long.ru.txt")
	if err := os.WriteFile(long, append([]byte("Мир.\n"), bytes.Repeat([]byte("a"), MaxLineSize+5)...), 0o666); err != nil {
		t.Fatal(err)
	}
	_, _, err := ReadFile(long, "")
	if want := long + ":2: line is 1,048,581 bytes; tolmach reads lines up to 1 MiB (is this a text file?)"; err == nil || err.Error() != want {
		t.Errorf("long line: got %v\nwant %s", err, want)
	}

	// Over MaxFileSize: refused from its size, without reading it whole;
	// a long line in its first MaxFileSize bytes is named instead.
	big := filepath.Join(dir, "big.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2*MaxFileSize/(64<<10); i++ {
		f.Write(append(bytes.Repeat([]byte("word "), (64<<10)/5-1), "word\n"...))
	}
	fi, _ := f.Stat()
	f.Close()
	_, _, err = ReadFile(big, "")
	if want := big + ": file is " + formatCount(fi.Size()) + " bytes; tolmach reads articles up to 32 MiB"; err == nil || err.Error() != want {
		t.Errorf("big file: got %v\nwant %s", err, want)
	}
	if err := os.WriteFile(big, bytes.Repeat([]byte("a"), MaxFileSize+1), 0o666); err != nil {
		t.Fatal(err)
	}
	_, _, err = ReadFile(big, "")
	if want := big + ":1: line is more than 1,048,576 bytes; tolmach reads lines up to 1 MiB (is this a text file?)"; err == nil || err.Error() != want {
		t.Errorf("big one-line file: got %v\nwant %s", err, want)
	}
}

func TestTermSegmentLimits(t *testing.T) {
	if err := CheckTerm(strings.Repeat("я", MaxTermLen)); err != nil {
		t.Errorf("MaxTermLen characters: %v", err)
	}
	err := CheckTerm(strings.Repeat("я", MaxTermLen+1))
	if want := "term is 1,001 characters; tolmach reads glossary terms up to 1,000 characters (a term is a word or a phrase; put explanations in a note)"; err == nil || err.Error() != want {
		t.Errorf("MaxTermLen+1: got %v", err)
	}
	if err := CheckSegment(strings.Repeat("я", MaxSegmentLen)); err != nil {
		t.Errorf("MaxSegmentLen characters: %v", err)
	}
	if err := CheckSegment(strings.Repeat("я", MaxSegmentLen+1)); !errors.Is(err, ErrTooLarge) {
		t.Errorf("MaxSegmentLen+1: got %v", err)
	}
}

func TestLimitRuns(t *testing.T) {
	ok := "<a>\n<b>" + strings.Repeat("x", MaxLineSize) + "</b>\n</a>"
	if data, err := readAllSmall(LimitRuns(strings.NewReader(ok))); err != nil || string(data) != ok {
		t.Errorf("a run of exactly MaxLineSize: %v", err)
	}
	bad := "<a>\n\n<b>" + strings.Repeat("x\n", MaxLineSize/2+1) + "</b>\n</a>"
	_, err := readAllSmall(LimitRuns(strings.NewReader(bad)))
	var tl *TooLargeError
	if !errors.As(err, &tl) || tl.Line != 3 {
		t.Errorf("got %v, want a *TooLargeError at line 3", err)
	}
}

func TestLimitLines(t *testing.T) {
	const max = MaxLineSize
	x := func(n int) string { return strings.Repeat("x", n) }
	for _, tc := range []struct {
		data string
		line int
	}{
		{x(max), 0},
		{x(max) + "\r\n" + x(max) + "\r" + x(max) + "\n", 0},
		{x(max + 1), 1},
		{"a\r\nb\n" + x(max+1) + "\n", 3},
		{"a\r\rb\n" + x(max+1), 4},
	} {
		_, err := readAllSmall(LimitLines(strings.NewReader(tc.data)))
		var tl *TooLargeError
		switch {
		case tc.line == 0 && err != nil:
			t.Errorf("%.20q…: %v", tc.data, err)
		case tc.line > 0 && (!errors.As(err, &tl) || tl.Line != tc.line):
			t.Errorf("%.20q…: got %v, want a *TooLargeError at line %d", tc.data, err, tc.line)
		}
	}
}

// readAllSmall reads r in small chunks, as a decoder does.
func readAllSmall(r interface{ Read([]byte) (int, error) }) ([]byte, error) {
	var out []byte
	buf := make([]byte, 4096)
	for {
		n, err := r.Read(buf)
		out = append(out, buf[:n]...)
		if err != nil {
			if err.Error() == "EOF" {
				return out, nil
			}
			return out, err
		}
	}
}
