// Command glossgen writes realistic glossaries of any size in every
// format tolmach reads, for its scale benchmarks: real English and
// Russian words with their real length distribution, the same Russian
// word rendering several English headwords (repeated terms across
// concepts), synonyms and notes.
//
// The words come from Debian's mueller7-dict (Müller's English–Russian
// dictionary, GPL) when it is installed (apt-get install mueller7-dict:
// /usr/share/dictd/mueller7.dict.dz); otherwise from the built-in glossary
// of data/, whose terms are recombined. Nothing generated is committed.
//
//	go run ./bench/glossgen -n 100000 -o /tmp/g100k            # every format
//	go run ./bench/glossgen -n 0 -headwords -formats csv -o /tmp/m  # mueller7 as a 44k-concept CSV
//
// Files written into the -o folder, named gN.EXT (N the concept count):
// .glossary (native), .tbx (TBX v2), .v3.tbx (TBX v3), .csv (comma,
// UTF-8), .semicolon.csv (semicolons, Windows-1251, as Excel saves it in
// a Russian locale), .tsv (with a header row) and .omegat.txt (OmegaT:
// headerless source, target, comment).
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"

	"tolmach/data"
	"tolmach/glossary"
	"tolmach/internal/lang"
)

const muellerPath = "/usr/share/dictd/mueller7.dict.dz"

func main() {
	n := flag.Int("n", 10000, "concepts to write (0: every dictionary entry, no more)")
	out := flag.String("o", ".", "output folder")
	formats := flag.String("formats", "native,tbx,tbx3,csv,csv1251,tsv,omegat", "formats to write, comma-separated")
	dict := flag.String("dict", muellerPath, "the mueller7 dictd file (.dict.dz or .dict); the built-in glossary when absent")
	headwords := flag.Bool("headwords", false, "one concept per dictionary headword only (no phrase concepts)")
	flag.Parse()
	g, src, err := build(*dict, *n, *headwords)
	if err != nil {
		fmt.Fprintln(os.Stderr, "glossgen:", err)
		os.Exit(2)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "glossgen:", err)
		os.Exit(2)
	}
	base := filepath.Join(*out, fmt.Sprintf("g%d", len(g.Concepts)))
	for _, f := range strings.Split(*formats, ",") {
		path, err := write(g, base, strings.TrimSpace(f))
		if err != nil {
			fmt.Fprintln(os.Stderr, "glossgen:", err)
			os.Exit(2)
		}
		fmt.Println(path)
	}
	fmt.Fprintf(os.Stderr, "glossgen: %d concepts from %s\n", len(g.Concepts), src)
}

// write writes g in one format to base plus the format's extension.
func write(g *glossary.Glossary, base, format string) (string, error) {
	var buf bytes.Buffer
	var path string
	var err error
	switch format {
	case "native":
		path, err = base+".glossary", glossary.Write(&buf, g, glossary.Native)
	case "tbx":
		path, err = base+".tbx", glossary.Write(&buf, g, glossary.TBX)
	case "tbx3":
		path, err = base+".v3.tbx", glossary.Write(&buf, g, glossary.TBX3)
	case "csv":
		path, err = base+".csv", glossary.Write(&buf, g, glossary.CSV)
	case "tsv":
		path, err = base+".tsv", glossary.Write(&buf, g, glossary.TSV)
	case "csv1251":
		path = base + ".semicolon.csv"
		if err = glossary.Write(&buf, g, glossary.CSV); err == nil {
			var text []byte
			text, err = semicolons(buf.Bytes())
			if err == nil {
				var enc []byte
				enc, err = lang.Encode(string(text), lang.Windows1251)
				buf.Reset()
				buf.Write(enc)
			}
		}
	case "omegat":
		path = base + ".omegat.txt"
		writeOmegaT(&buf, g)
	default:
		return "", fmt.Errorf("unknown format %q", format)
	}
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	return path, os.WriteFile(path, buf.Bytes(), 0o644)
}

// semicolons rewrites comma-separated CSV with semicolons: the fields
// are read back and written again, so quoting stays right.
func semicolons(csvText []byte) ([]byte, error) {
	var out bytes.Buffer
	if err := recodeCSV(bytes.NewReader(csvText), &out, ';'); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// writeOmegaT writes the first Russian and English term of each concept
// and its note as OmegaT's headerless tab-separated lines.
func writeOmegaT(w io.Writer, g *glossary.Glossary) {
	clean := strings.NewReplacer("\t", " ", "\n", " ")
	for _, c := range g.Concepts {
		ru, en := c.Preferred("ru"), c.Preferred("en")
		if ru == nil || en == nil {
			continue
		}
		fmt.Fprintf(w, "%s\t%s\t%s\n", ru.Text, en.Text, clean.Replace(c.Note))
	}
}

// entry is one dictionary article: an English headword, its Russian
// renderings in order, a note (the first sense's labels or remark) and
// the English–Russian phrases its examples give.
type entry struct {
	en      string
	ru      []string
	note    string
	phrases [][2]string
}

// build makes n concepts (every entry when n is 0) from the dictionary at
// dict, or from the built-in glossary when it cannot be read.
func build(dict string, n int, headwordsOnly bool) (*glossary.Glossary, string, error) {
	entries, err := readMueller(dict)
	src := dict
	if err != nil {
		fmt.Fprintf(os.Stderr, "glossgen: %v; using the built-in glossary's words\n", err)
		if entries, err = builtinEntries(); err != nil {
			return nil, "", err
		}
		src = "the built-in glossary"
	}
	g := &glossary.Glossary{}
	add := func(id, en string, ru []string, note string) {
		c := &glossary.Concept{ID: id, Note: note}
		c.Terms = append(c.Terms, &glossary.Term{Lang: "en", Text: en, Status: glossary.Preferred})
		for i, r := range ru {
			t := &glossary.Term{Lang: "ru", Text: r, Status: glossary.Admitted}
			if i == 0 {
				t.Status = glossary.Preferred
			}
			c.Terms = append(c.Terms, t)
		}
		g.Concepts = append(g.Concepts, c)
	}
	full := func() bool { return n > 0 && len(g.Concepts) >= n }
	// Fewer concepts than headwords: every k-th, so that a small
	// glossary has the whole alphabet's words, not only a… and b….
	step := 1
	if n > 0 && n < len(entries) {
		step = len(entries) / n
	}
	for i := 0; i < len(entries) && !full(); i += step {
		e := entries[i]
		add(fmt.Sprintf("w%d", i), e.en, e.ru, e.note)
	}
	if !headwordsOnly {
	phrases:
		for i, e := range entries {
			for j, p := range e.phrases {
				if full() {
					break phrases
				}
				add(fmt.Sprintf("p%d-%d", i, j), p[0], []string{p[1]}, "")
			}
		}
		// Beyond the dictionary's size: two entries' terms side by side,
		// real words in a real term's length.
		r := rand.New(rand.NewSource(1))
		for k := 0; n > 0 && !full(); k++ {
			a, b := entries[r.Intn(len(entries))], entries[r.Intn(len(entries))]
			add(fmt.Sprintf("x%d", k), a.en+" "+b.en, []string{a.ru[0] + " " + b.ru[0]}, b.note)
		}
	}
	return g, src, nil
}

var (
	transcription = regexp.MustCompile(`\[[^\]]*\]`)
	label         = regexp.MustCompile(`_[\p{L}-]+\.`)
	paren         = regexp.MustCompile(`\([^()]*\)`)
	senseMark     = regexp.MustCompile(`(^|\s)(\d+[.)]|[а-я]\))\s`)
	ruRendering   = regexp.MustCompile(`^[\p{Cyrillic}][\p{Cyrillic} -]*$`)
	enPhrase      = regexp.MustCompile(`^[a-zA-Z][a-zA-Z' -]*[a-zA-Z]$`)
)

// readMueller reads the dictd text of mueller7: an article starts with
// its headword at the start of a line, its body is indented.
func readMueller(path string) ([]entry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".dz") || strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		r = zr
	}
	var entries []entry
	var head string
	var body strings.Builder
	flush := func() {
		if head != "" && !strings.HasPrefix(head, "00") && !strings.HasPrefix(head, "_") {
			if e, ok := parseArticle(head, body.String()); ok {
				entries = append(entries, e)
			}
		}
		body.Reset()
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		line := sc.Text()
		if line != "" && line[0] != ' ' {
			flush()
			head = strings.TrimSpace(line)
			continue
		}
		body.WriteString(line)
		body.WriteByte('\n')
	}
	flush()
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(entries) == 0 {
		return nil, fmt.Errorf("%s: no articles", path)
	}
	return entries, nil
}

// parseArticle takes from an article body its Russian renderings (up to
// three, in order), the first dictionary labels as a note, and phrases
// of an English example followed by its Russian rendering.
func parseArticle(head, body string) (entry, bool) {
	e := entry{en: head}
	if !enPhrase.MatchString(head) {
		return e, false
	}
	if m := label.FindAllString(body, 3); len(m) > 0 {
		for i := range m {
			m[i] = strings.TrimPrefix(m[i], "_")
		}
		e.note = "Mueller 7: " + strings.Join(m, " ")
	}
	text := transcription.ReplaceAllString(body, " ")
	text = strings.Join(strings.Fields(text), " ")
	text = label.ReplaceAllString(text, " ")
	for strings.Contains(text, "(") && paren.MatchString(text) {
		text = paren.ReplaceAllString(text, " ")
	}
	text = senseMark.ReplaceAllString(text, ";")
	seen := map[string]bool{}
	for _, chunk := range strings.FieldsFunc(text, func(r rune) bool { return r == ';' || r == ',' }) {
		chunk = strings.TrimSpace(chunk)
		if chunk == "" || strings.HasPrefix(chunk, "=") {
			continue
		}
		if ruRendering.MatchString(chunk) {
			if len(e.ru) < 3 && !seen[chunk] && len(strings.Fields(chunk)) <= 4 {
				seen[chunk] = true
				e.ru = append(e.ru, chunk)
			}
			continue
		}
		// "abandoned call несостоявшийся разговор": an English phrase
		// and its rendering.
		if i := strings.IndexFunc(chunk, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }); i > 0 {
			en, ru := strings.TrimSpace(chunk[:i]), strings.TrimSpace(chunk[i:])
			if enPhrase.MatchString(en) && strings.Contains(en, " ") && ruRendering.MatchString(ru) && len(strings.Fields(en)) <= 6 {
				e.phrases = append(e.phrases, [2]string{en, ru})
			}
		}
	}
	return e, len(e.ru) > 0
}

// builtinEntries makes entries of the built-in glossary's concepts: its
// first English and Russian terms, the others as renderings.
func builtinEntries() ([]entry, error) {
	g, err := glossary.LoadFS(data.Glossaries, data.BuiltinPattern)
	if err != nil {
		return nil, err
	}
	var entries []entry
	for _, c := range g.Concepts {
		en := c.Preferred("en")
		var ru []string
		for _, t := range c.TermsIn("ru") {
			ru = append(ru, t.Text)
		}
		if en == nil || len(ru) == 0 {
			continue
		}
		entries = append(entries, entry{en: en.Text, ru: ru, note: c.Note})
	}
	return entries, nil
}

// recodeCSV copies CSV records from r to w with another delimiter.
func recodeCSV(r io.Reader, w io.Writer, sep rune) error {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cw := csv.NewWriter(w)
	cw.Comma = sep
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
