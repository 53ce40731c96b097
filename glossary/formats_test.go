package glossary

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding/unicode"

	"tolmach/internal/lang"
)

func TestRoundTripFormats(t *testing.T) {
	want := canon(t, mustLoad(t, "testdata/sample.glossary"))
	for _, f := range []Format{Native, TBX, TBX3, CSV, TSV} {
		t.Run(string(f), func(t *testing.T) {
			g := mustLoad(t, "testdata/sample.glossary")
			var b bytes.Buffer
			if err := Write(&b, g, f); err != nil {
				t.Fatal(err)
			}
			g2, err := Parse(b.Bytes(), "rt."+string(f), f)
			if err != nil {
				t.Fatalf("reading back: %v\n%s", err, b.String())
			}
			if got := canon(t, g2); got != want {
				t.Errorf("round trip through %s changed the glossary:\n%s\n--- want ---\n%s", f, got, want)
			}
		})
	}
}

func TestWriteFileAndDetect(t *testing.T) {
	g := mustLoad(t, "testdata/sample.glossary")
	want := canon(t, g)
	dir := t.TempDir()
	for _, name := range []string{"a.glossary", "a.tbx", "a.csv", "a.tsv", "a.txt"} {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(dir, name)
			if err := WriteFile(p, g, ""); err != nil {
				t.Fatal(err)
			}
			if got := canon(t, mustLoad(t, p)); got != want {
				t.Errorf("%s reads back as\n%s", name, got)
			}
		})
	}
	t.Run("tbx3 into .tbx", func(t *testing.T) {
		p := filepath.Join(dir, "v3.tbx")
		if err := WriteFile(p, g, TBX3); err != nil {
			t.Fatal(err)
		}
		if got := canon(t, mustLoad(t, p)); got != want {
			t.Errorf("reads back as\n%s", got)
		}
	})
	t.Run("unknown extension", func(t *testing.T) {
		err := WriteFile(filepath.Join(dir, "a.doc"), g, "")
		if !errors.Is(err, ErrUnknownFormat) {
			t.Errorf("error = %v", err)
		}
	})
	t.Run("special file written in place", func(t *testing.T) {
		// A FIFO stands in for /dev/null: it must stay a FIFO, with no
		// lock file beside it.
		fifo := filepath.Join(dir, "pipe.glossary")
		if err := syscall.Mkfifo(fifo, 0o644); err != nil {
			t.Skip(err)
		}
		got := make(chan []byte)
		go func() {
			b, _ := os.ReadFile(fifo)
			got <- b
		}()
		if err := WriteFile(fifo, g, Native); err != nil {
			t.Fatal(err)
		}
		if b := <-got; !bytes.HasPrefix(b, []byte("# tolmach glossary")) {
			t.Errorf("read from the pipe: %q", b)
		}
		if fi, err := os.Stat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
			t.Errorf("the FIFO was replaced: %v %v", fi.Mode(), err)
		}
		if _, err := os.Stat(fifo + ".lock"); err == nil {
			t.Error("lock file created beside a special file")
		}
	})
	t.Run("no temp files left", func(t *testing.T) {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.Contains(e.Name(), ".tmp") {
				t.Errorf("left behind: %s", e.Name())
			}
		}
	})
}

func TestDetectFormat(t *testing.T) {
	tests := []struct {
		name, data string
		want       Format
	}{
		{"x.glossary", "", Native},
		{"x.TBX", "", TBX},
		{"x.csv", "a,b", CSV},
		{"x.tsv", "ru\ten\n", TSV},
		{"x.tsv", "мир\tpeace\n", OmegaT},
		{"x.txt", "\uFEFFid\tRU\tEN\n", TSV},
		{"x.txt", "мир\tpeace\tnote\n", OmegaT},
		{"noext", "  <?xml version='1.0'?><martif/>", TBX},
		{"noext", "# tolmach glossary\n", Native},
		{"noext", "мир\tpeace\n", OmegaT},
	}
	for _, tt := range tests {
		t.Run(tt.name+"/"+tt.data, func(t *testing.T) {
			got, err := DetectFormat(tt.name, []byte(tt.data))
			if err != nil || got != tt.want {
				t.Errorf("DetectFormat = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
	if _, err := DetectFormat("x.bin", []byte("plain")); !errors.Is(err, ErrUnknownFormat) {
		t.Errorf("unknown content: %v", err)
	}
}

// TestRealTBX loads every third-party TBX file; the counts were checked
// against grep -c '<termEntry' and '<term[ >]' of each file.
func TestRealTBX(t *testing.T) {
	data := sharedData(t)
	tests := []struct {
		path            string
		concepts, terms int
		check           func(t *testing.T, g *Glossary)
	}{
		{"tm_formats_okapi/tbx/ibm_tbx.tbx", 5, 11, func(t *testing.T, g *Glossary) {
			if g.Concepts[0].Domain != "Software" {
				t.Errorf("subjectField = %q", g.Concepts[0].Domain)
			}
		}},
		{"tm_formats_okapi/tbx/maryland.tbx", 1, 13, func(t *testing.T, g *Glossary) {
			c := g.Concepts[0]
			if c.ID != "eid-voccod-211.01" || c.Definition != "personne qui accomplit un travail copie ou d'écriture" {
				t.Errorf("concept = %q %q", c.ID, c.Definition)
			}
			if c.Terms[1].Type != Variant || c.Terms[0].Type != FullForm {
				t.Errorf("termType synonym/entryTerm = %q/%q", c.Terms[1].Type, c.Terms[0].Type)
			}
		}},
		{"tm_formats_okapi/tbx/medtronic_TBX.tbx", 3, 62, nil},
		{"tm_formats_okapi/tbx/oracle_TBX.tbx", 2, 6, func(t *testing.T, g *Glossary) {
			c := g.Lookup("c1")
			pt := c.TermsIn("pt")
			if pt[0].Status != Preferred || pt[1].Type != Abbreviation || c.TermsIn("en")[0].Text != "Provincial Reporting Establishment" {
				t.Errorf("pt = %+v %+v", *pt[0], *pt[1])
			}
		}},
		{"tm_formats_okapi/tbx/sdl_tbx.tbx", 223, 472, nil},
		{"tm_formats_okapi/tbx/test01.tbx", 1, 2, func(t *testing.T, g *Glossary) {
			if hu := g.Concepts[0].TermsIn("hu"); len(hu) != 1 || hu[0].Text != "Alfa simítási tényező" {
				t.Errorf("BOM file hu = %+v", hu)
			}
		}},
		{"tm_formats_okapi/tbx/test02_win1254.tbx", 1, 2, func(t *testing.T, g *Glossary) {
			if got := g.Concepts[0].TermsIn("tr")[0].Text; got != "tr term with: éá and İı" {
				t.Errorf("windows-1254 term = %q", got)
			}
		}},
		{"tm_formats_weblate/fr-extended-metadata.tbx", 2, 4, func(t *testing.T, g *Glossary) {
			e1 := g.Lookup("e001")
			if e1.Terms[0].Status != Deprecated {
				t.Errorf("obsolete → %q", e1.Terms[0].Status)
			}
			if n := g.Lookup("e002").Terms[0].Note; n != "Do not translate error codes." {
				t.Errorf("term note = %q", n)
			}
		}},
		{"tm_formats_omegat/glossaries/sampleTBXfile.tbx", 1, 2, nil},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.path), func(t *testing.T) {
			p := filepath.Join(data, tt.path)
			if _, err := os.Stat(p); err != nil {
				t.Skip(err)
			}
			g := mustLoad(t, p)
			if len(g.Concepts) != tt.concepts || termCount(g) != tt.terms {
				t.Errorf("%d concepts, %d terms; want %d, %d", len(g.Concepts), termCount(g), tt.concepts, tt.terms)
			}
			if tt.check != nil {
				tt.check(t, g)
			}
			// Everything read writes as native and reads back the same.
			var b bytes.Buffer
			if err := Write(&b, g, Native); err != nil {
				t.Fatal(err)
			}
			g2, err := Parse(b.Bytes(), "back.glossary", Native)
			if err != nil {
				t.Fatal(err)
			}
			if canon(t, g2) != canon(t, g) {
				t.Error("native round trip differs")
			}
		})
	}
}

// TestRealOmegaT reads OmegaT's own sample glossaries. Those with no
// Cyrillic term (English–French, Japanese, Korean samples) are refused
// by name: an OmegaT glossary names no languages, and reading
// "System Terre" as Russian was a silent wrong guess.
func TestRealOmegaT(t *testing.T) {
	dir := filepath.Join(sharedData(t), "tm_formats_omegat", "glossaries")
	tests := []struct {
		file    string
		pairs   [][2]string // source, target of each concept; first is (lang, lang)
		refused string      // the error, for a file that is no ru–en glossary
	}{
		{"test.tab", nil, "test.tab: no term in Cyrillic letters in either column"},
		{"testUTF16LE.txt", nil, "testUTF16LE.txt: no term in Cyrillic letters in either column"},
		{"test.csv", nil, "test.csv: no term in Cyrillic letters in either column"},
		{"test-magiccomment.tab", [][2]string{{"ru", "en"}}, ""},
		{"test-magiccomment-bom.tab", [][2]string{{"ru", "en"}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			if tt.refused != "" {
				if _, err := Load(filepath.Join(dir, tt.file)); err == nil || !strings.Contains(err.Error(), tt.refused) {
					t.Fatalf("err %v, want %q", err, tt.refused)
				}
				return
			}
			g := mustLoad(t, filepath.Join(dir, tt.file))
			if len(g.Concepts) != len(tt.pairs)-1 {
				t.Fatalf("%d concepts, want %d: %s", len(g.Concepts), len(tt.pairs)-1, canon(t, g))
			}
		})
	}
}

// TestOmegaTLayouts checks that a headerless table is read as OmegaT's
// only when it has OmegaT's layout — two or three columns, a Russian
// column told by its letters, no header row of names — and is refused
// by name otherwise, instead of being read the wrong way round with the
// header and extra columns turned into concepts and notes.
func TestOmegaTLayouts(t *testing.T) {
	tests := []struct {
		name, file, in string
		want           string // "ru=en|…" of the concepts, or the error
	}{
		{"ru en comment", "g.txt", "мир\tpeace\tnote\nвойна\twar\n", "мир=peace|война=war"},
		{"en ru", "g.txt", "peace\tмир\nwar\tвойна\n", "мир=peace|война=war"},
		{"csv quoting", "g.csv", "мир,\"peace, quiet\"\n\"\"\"кв\"\"\",q\n\"м; х\",comma\n", "мир=peace, quiet|\"кв\"=q|м; х=comma"},
		{"five columns with a header of names", "g.tsv", "term\tterm_var\tterm_var_approved\texplanation\tx\nМонал\tмонала\tда\tгород\t1\n", "g.tsv:1:1: 5 tab-separated columns"},
		{"four columns", "g.txt", "мир\tpeace\tnote\textra\n", "g.txt:1:1: 4 tab-separated columns"},
		{"header of names", "g.tsv", "Source\tTarget\nмир\tpeace\n", "g.tsv:1:1: the first row (Source, Target) looks like a header"},
		{"no Cyrillic", "g.txt", "peace\tpaix\nwar\tguerre\n", "no term in Cyrillic letters"},
		{"Cyrillic both sides", "g.txt", "мир\tмир\nвойна\tвійна\n", "both columns are mostly in Cyrillic"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := DetectFormat(tt.file, []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			g, err := Parse([]byte(tt.in), tt.file, f)
			var got string
			if err != nil {
				got = err.Error()
			} else {
				var pairs []string
				for _, c := range g.Concepts {
					var ru, en string
					for _, term := range c.Terms {
						if term.Lang == "ru" {
							ru = term.Text
						} else {
							en = term.Text
						}
					}
					pairs = append(pairs, ru+"="+en)
				}
				got = strings.Join(pairs, "|")
			}
			if !strings.Contains(got, tt.want) || err == nil && got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCSV(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // canonical native text without the header comment
	}{
		{"contract columns", "ru,en,ru_status,en_status,domain,note\nмир,peace,preferred,,politics,a note\n",
			"[peace]\ndomain: politics\nnote: a note\nru: мир | preferred\nen: peace\n"},
		{"shared id are synonyms", "id,ru,en\nsco,Шанхайская организация сотрудничества,Shanghai Cooperation Organisation\nsco,ШОС,SCO\n",
			"[sco]\nru: Шанхайская организация сотрудничества\nru: ШОС\nen: Shanghai Cooperation Organisation\nen: SCO\n"},
		{"synonym in one language only", "id,ru,en\nx,санкции,sanctions\nx,санкции,restrictive measures\n",
			"[x]\nru: санкции\nen: sanctions\nen: restrictive measures\n"},
		{"header case and spaces, extra columns ignored", " RU , En ,Comment\nмир,peace,ignored\n", "[peace]\nru: мир\nen: peace\n"},
		{"TBX status names and types", "ru,en,en_status,en_type,en_flags\nШОС,SCO,admittedTerm-admn-sts,acronym,case\n",
			"[sco]\nru: ШОС\nen: SCO | admitted abbreviation case\n"},
		{"blank rows skipped, no-id rows separate", "ru,en\nмир,peace\n,\nпокой,peace\n",
			"[peace]\nru: мир\nen: peace\n\n[peace-2]\nru: покой\nen: peace\n"},
		{"source column is the concept's source", "id,ru,en,source\nx,мир,peace,un.org\n",
			"[x]\nsource: un.org\nru: мир\nen: peace\n"},
		{"quoted fields", "ru,en,note\n\"мир, труд\",\"peace, labour\",\"said \"\"so\"\"\"\n",
			"[peace-labour]\nnote: said \"so\"\nru: мир, труд\nen: peace, labour\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := Parse([]byte(tt.in), "t.csv", CSV)
			if err != nil {
				t.Fatal(err)
			}
			got := strings.TrimPrefix(canon(t, g), "# tolmach glossary\n\n")
			if got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestSourceWritten checks where a concept's source: goes in each format
// another tool reads: TBX's <admin type="source"> and CSV's source column.
func TestSourceWritten(t *testing.T) {
	g, err := Parse([]byte("[x]\nsource: mid.ru\nru: мир\nen: peace\n"), "s.glossary", Native)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		f    Format
		want string
	}{
		{TBX, `<admin type="source">mid.ru</admin>`},
		{TBX3, `<admin type="source">mid.ru</admin>`},
		{Native, "\nsource: mid.ru\n"},
	} {
		var b bytes.Buffer
		if err := Write(&b, g, tt.f); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), tt.want) {
			t.Errorf("%s output lacks %q:\n%s", tt.f, tt.want, b.String())
		}
	}
	var b bytes.Buffer
	if err := Write(&b, g, CSV); err != nil {
		t.Fatal(err)
	}
	rows := strings.Split(strings.TrimSpace(b.String()), "\n")
	header := strings.Split(rows[0], ",")
	col := -1
	for i, h := range header {
		if h == "source" {
			col = i
		}
	}
	if col < 0 || len(rows) < 2 || strings.Split(rows[1], ",")[col] != "mid.ru" {
		t.Errorf("CSV lacks the source column with mid.ru:\n%s", b.String())
	}
}

func TestCSVErrors(t *testing.T) {
	tests := []struct {
		name, file, in, want string
	}{
		{"TSV without header", "t.tsv", "мир\tpeace\nx\n", "t.tsv:2:1: expected two or three tab-separated columns"},
		{"bad status", "t.csv", "ru,en,en_status\nмир,peace,prefered\n", `t.csv:2:11: unknown status "prefered"`},
		{"bad type", "t.csv", "ru,en,ru_type\nмир,peace,noun\n", `t.csv:2:11: unknown term type "noun"`},
		{"bad flag", "t.csv", "ru,en,ru_flags\nмир,peace,bold\n", `t.csv:2:11: unknown flag "bold"`},
		{"bad id", "t.csv", "id,ru,en\nBad Id,мир,peace\n", `t.csv:2:1: invalid concept id "Bad Id"`},
		{"bare quote", "t.csv", "ru,en\nмир,pe\"ace\n", `t.csv:2:7: bare " in non-quoted-field`},
		{"unclosed quote", "t.csv", "ru,en\nмир,\"peace\n", `t.csv:2:`},
		{"duplicate column", "t.csv", "ru,en,ru\n", `t.csv:1:3: column "ru" appears twice`},
		{"attributes without term", "t.csv", "ru,en,en_status\nмир,,preferred\n", `t.csv:2:1: en attributes given without a en term`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, _ := DetectFormat(tt.file, []byte(tt.in))
			_, err := Parse([]byte(tt.in), tt.file, f)
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error = %v\nwant prefix %q", err, tt.want)
			}
		})
	}
}

// TestHeaderRequired: a CSV/TSV glossary needs a header row naming ru
// and en. A first row that is a header without them, and a file with no
// row at all, are refused at line 1 instead of being read as OmegaT data
// or as an empty glossary.
func TestHeaderRequired(t *testing.T) {
	tests := []struct {
		name, file, in, want string
	}{
		{"csv without en", "x.csv", "ru,fr\nмир,paix\n", "x.csv:1: the header names ru and fr; a glossary needs an en column (and ru)"},
		{"tsv without en", "t.tsv", "ru\tde\nмир\tFrieden\n", "t.tsv:1: the header names ru and de; a glossary needs an en column (and ru)"},
		{"txt without en", "t.txt", "RU\tDE\nмир\tFrieden\n", "t.txt:1: the header names ru and de; a glossary needs an en column (and ru)"},
		{"csv without ru", "x.csv", "id,en,de,en_note\npeace,peace,Frieden,\n", "x.csv:1: the header names en and de; a glossary needs a ru column (and en)"},
		{"csv of other languages", "x.csv", "fr,de,es\npaix,Frieden,paz\n", "x.csv:1: the header names fr, de and es; a glossary needs ru and en columns"},
		{"tsv header with attribute columns", "t.tsv", "id\tfr\tfr_note\nx\tpaix\t\n", "t.tsv:1: the header names fr; a glossary needs ru and en columns"},
		{"empty csv", "x.csv", "", "x.csv:1:1: empty file, want a header row naming ru and en"},
		{"csv of a BOM and blank lines", "x.csv", "\uFEFF\n  \r\n", "x.csv:1:1: empty file, want a header row naming ru and en"},
		{"empty tsv", "t.tsv", "", "t.tsv:1:1: empty file, want a header row naming ru and en"},
		{"tsv of white space", "t.tsv", " \t\n", "t.tsv:1:1: empty file, want a header row naming ru and en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := DetectFormat(tt.file, []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			_, err = Parse([]byte(tt.in), tt.file, f)
			if err == nil || err.Error() != tt.want {
				t.Errorf("error = %v\nwant %s", err, tt.want)
			}
		})
	}
}

// TestHeaderless: files that are not refused by TestHeaderRequired's
// rules: OmegaT rows (which may hold short Latin words), an empty OmegaT
// .txt or .tab (OmegaT's own glossary.txt starts empty) and an empty
// native glossary (tolmach init starts a project with one).
// TestSemicolonCSV: a CSV that Excel wrote with semicolons (a Russian
// locale's list separator) is read by its header row, cp1251 included;
// a semicolon inside a comma CSV's cell stays text.
func TestSemicolonCSV(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // concept terms, "ru=en" joined by "|"
	}{
		{"semicolons", "ru;en;note\nтри силы зла;three forces of evil;формула\nмир;peace;\n", "три силы зла=three forces of evil|мир=peace"},
		{"semicolons and quotes", "ru;en\n\"мир; дружба\";\"peace; friendship\"\n", "мир; дружба=peace; friendship"},
		{"commas with a semicolon in a cell", "ru,en\nмир; дружба,peace; friendship\n", "мир; дружба=peace; friendship"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := Parse([]byte(tt.in), "x.csv", CSV)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range g.Concepts {
				var ru, en string
				for _, term := range c.Terms {
					switch term.Lang {
					case "ru":
						ru = term.Text
					case "en":
						en = term.Text
					}
				}
				got = append(got, ru+"="+en)
			}
			if strings.Join(got, "|") != tt.want {
				t.Errorf("got %s, want %s", strings.Join(got, "|"), tt.want)
			}
		})
	}
}

func TestHeaderless(t *testing.T) {
	tests := []struct {
		name, file, in string
		format         Format
		concepts       int
	}{
		{"OmegaT csv row of a short word", "x.csv", "kde,квд\nquestion,вопрос\n", CSV, 2},
		{"OmegaT tab row of short words", "x.tab", "UTF\tЮникод\n", OmegaT, 1},
		{"OmegaT row of Cyrillic", "x.txt", "ЕС\tEU\n", OmegaT, 1},
		{"empty OmegaT txt", "glossary.txt", "", OmegaT, 0},
		{"empty OmegaT tab", "x.tab", "\n", OmegaT, 0},
		{"empty native", "x.glossary", "", Native, 0},
		{"native of a BOM", "x.glossary", "\uFEFF", Native, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := DetectFormat(tt.file, []byte(tt.in))
			if err != nil || f != tt.format {
				t.Fatalf("DetectFormat = %q, %v; want %q", f, err, tt.format)
			}
			g, err := Parse([]byte(tt.in), tt.file, f)
			if err != nil {
				t.Fatal(err)
			}
			if len(g.Concepts) != tt.concepts {
				t.Errorf("%d concepts, want %d: %s", len(g.Concepts), tt.concepts, canon(t, g))
			}
		})
	}
}

func TestTBXErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"not TBX", `<?xml version="1.0"?><tmx></tmx>`, "t.tbx:1:27: not a TBX file: the root element is <tmx>"},
		{"empty", ``, "t.tbx:1:1: not a TBX file"},
		{"mismatched tag", "<martif>\n<text><body>\n<termEntry></langSet>", "t.tbx:3:"},
		{"truncated", "<martif>\n<text><body><termEntry>\n<langSet xml:lang=\"en\"><tig><term>x", "t.tbx:3:"},
		{"unknown entity", "<martif><text><body><termEntry><langSet xml:lang='en'><tig><term>&bomb;</term>", "t.tbx:1:"},
		{"langSet without lang", "<martif><text><body><termEntry>\n<langSet>", "t.tbx:2:"},
		{"unknown encoding", `<?xml version="1.0" encoding="x-klingon"?><martif/>`, "t.tbx:1:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.in), "t.tbx", TBX)
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error = %v\nwant prefix %q", err, tt.want)
			}
		})
	}
}

// TestTBXNoFetch: a DOCTYPE with an external DTD and entity declarations
// is neither fetched nor expanded (a billion-laughs entity is an error,
// not a memory blow-up).
func TestTBXNoFetch(t *testing.T) {
	doc := `<?xml version="1.0"?>
<!DOCTYPE martif SYSTEM "http://127.0.0.1:1/never.dtd" [
  <!ENTITY a "aaaaaaaaaa">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
]>
<martif><text><body><termEntry id="x"><langSet xml:lang="en"><tig><term>ok</term></tig></langSet></termEntry></body></text></martif>`
	g, err := Parse([]byte(doc), "t.tbx", TBX)
	if err != nil || len(g.Concepts) != 1 {
		t.Fatalf("Parse = %v, %v", g, err)
	}
	bomb := strings.Replace(doc, "<term>ok", "<term>&b;", 1)
	if _, err := Parse([]byte(bomb), "t.tbx", TBX); err == nil {
		t.Error("an entity from the DTD was accepted")
	}
}

func TestTBX3DCT(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dct" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2" xmlns:basic="http://www.tbxinfo.net/ns/basic">
<tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>
<text><body>
<conceptEntry id="SCO">
  <basic:subjectField>international organizations</basic:subjectField>
  <langSec xml:lang="RU-ru">
    <termSec><term>ШОС</term><basic:termType>acronym</basic:termType><basic:administrativeStatus>admittedTerm-admn-sts</basic:administrativeStatus></termSec>
  </langSec>
  <langSec xml:lang="en-GB">
    <termSec><term>Shanghai Cooperation Organisation</term><basic:administrativeStatus>preferredTerm-admn-sts</basic:administrativeStatus></termSec>
    <termSec><term>SCO</term><termNote type="normativeAuthorization">supersededTerm</termNote></termSec>
  </langSec>
</conceptEntry>
</body></text></tbx>`
	g, err := Parse([]byte(doc), "t.tbx", TBX)
	if err != nil {
		t.Fatal(err)
	}
	want := "[sco]\ndomain: international organizations\nru: ШОС | admitted abbreviation\nen: Shanghai Cooperation Organisation | preferred\nen: SCO | deprecated\n"
	if got := strings.TrimPrefix(canon(t, g), "# tolmach glossary\n\n"); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestTBXUTF16(t *testing.T) {
	doc := `<?xml version="1.0" encoding="UTF-16"?>
<martif><text><body><termEntry><langSet xml:lang="ru"><tig><term>мир</term></tig></langSet></termEntry></body></text></martif>`
	for _, e := range []unicode.Endianness{unicode.LittleEndian, unicode.BigEndian} {
		data, err := unicode.UTF16(e, unicode.UseBOM).NewEncoder().Bytes([]byte(doc))
		if err != nil {
			t.Fatal(err)
		}
		g, err := Parse(data, "t.tbx", TBX)
		if err != nil || len(g.Concepts) != 1 || g.Concepts[0].Terms[0].Text != "мир" {
			t.Errorf("endianness %v: %v, %v", e, g, err)
		}
	}
}

func TestMerge(t *testing.T) {
	a := &Glossary{Concepts: []*Concept{{ID: "x"}, {ID: "y"}}}
	b := &Glossary{Concepts: []*Concept{{ID: "x"}, {ID: "x-2"}, {Terms: []*Term{{Lang: "en", Text: "Peace Talks"}}}}}
	m := Merge(a, b)
	var ids []string
	for _, c := range m.Concepts {
		ids = append(ids, c.ID)
	}
	if got := strings.Join(ids, " "); got != "x y x-2 x-2-2 peace-talks" {
		t.Errorf("ids = %s", got)
	}
	if b.Concepts[0].ID != "x" {
		t.Error("Merge modified its input")
	}
}

// TestUpdateKeepsDialect: Update writes a CSV glossary back with the
// delimiter and encoding it had (Excel's semicolons and Windows-1251),
// and refuses, leaving the file alone, a term the encoding cannot hold.
func TestUpdateKeepsDialect(t *testing.T) {
	path := filepath.Join(t.TempDir(), "terms.csv")
	orig, err := lang.Encode("ru;en;note\nтри силы зла;three forces of evil;формула\n", lang.Windows1251)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	add := func(ru, en string) error {
		return Update(path, func(g *Glossary) error {
			g.Concepts = append(g.Concepts, &Concept{ID: "new", Terms: []*Term{{Text: ru, Lang: "ru"}, {Text: en, Lang: "en"}}})
			return nil
		})
	}
	if err := add("многополярный мир", "multipolar world"); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text, enc, err := lang.Decode(data, "")
	if err != nil || enc != lang.Windows1251 || !strings.HasPrefix(text, "id;ru;") || !strings.Contains(text, ";многополярный мир;") {
		t.Fatalf("rewritten as %s (%v):\n%s", enc, err, text)
	}
	g, err := Load(path)
	if err != nil || len(g.Concepts) != 2 {
		t.Fatalf("read back: %v, %d concepts", err, len(g.Concepts))
	}
	if err := add("Пекин", "北京"); !errors.Is(err, lang.ErrUnencodable) {
		t.Errorf("a term Windows-1251 cannot hold: %v", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, data) {
		t.Error("the refused update changed the file")
	}
}

// TestTBXFromOtherTools checks what other tools write and tolmach read
// wrongly: data categories in another case (type="Definition" was
// dropped, so a French definition won), UTF-16 without a byte order mark
// told by its XML declaration (refused), and regional subtags of other
// languages (zh-CN was written back as zh).
func TestTBXFromOtherTools(t *testing.T) {
	const tbx = `<?xml version="1.0" encoding="UTF-16LE"?>
<martif type="TBX"><text><body>
<termEntry id="box">
 <descrip type="SubjectField">storage</descrip>
 <langSet xml:lang="fr-FR"><descrip type="definition">service de stockage</descrip><tig><term>stockage</term></tig></langSet>
 <langSet xml:lang="en-US"><descrip type="Definition">a storage service</descrip><tig><term>storage</term><termNote type="AdministrativeStatus">preferredTerm-admn-sts</termNote></tig></langSet>
 <langSet xml:lang="ru"><tig><term>хранилище</term></tig></langSet>
 <langSet xml:lang="zh_cn"><tig><term>存储</term></tig></langSet>
</termEntry>
</body></text></martif>`
	for _, enc := range []string{"utf-8", "utf-16le without BOM", "utf-16be without BOM"} {
		t.Run(enc, func(t *testing.T) {
			data := []byte(strings.Replace(tbx, `encoding="UTF-16LE"`, `encoding="UTF-8"`, 1))
			switch enc {
			case "utf-16le without BOM":
				data = nil
				for _, u := range utf16.Encode([]rune(tbx)) {
					data = append(data, byte(u), byte(u>>8))
				}
			case "utf-16be without BOM":
				data = nil
				for _, u := range utf16.Encode([]rune(strings.Replace(tbx, "UTF-16LE", "UTF-16BE", 1))) {
					data = append(data, byte(u>>8), byte(u))
				}
			}
			g, err := Parse(data, "x.tbx", TBX)
			if err != nil {
				t.Fatal(err)
			}
			c := g.Concepts[0]
			if c.Definition != "a storage service" || c.Domain != "storage" {
				t.Errorf("definition %q, domain %q; want the English definition and the subject field", c.Definition, c.Domain)
			}
			if p := c.Preferred("en"); p == nil || p.Text != "storage" || p.Status != Preferred {
				t.Errorf("English term %+v, want storage, preferred", p)
			}
			var langs []string
			for _, term := range c.Terms {
				langs = append(langs, term.Lang)
			}
			if got := strings.Join(langs, " "); got != "fr-FR en ru zh-CN" {
				t.Errorf("languages %s, want fr-FR en ru zh-CN", got)
			}
			for _, f := range []Format{TBX, TBX3, CSV, Native} {
				var b strings.Builder
				if err := Write(&b, g, f); err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(b.String(), "zh-CN") || !strings.Contains(b.String(), "fr-FR") {
					t.Errorf("%s export lost the subtags:\n%s", f, b.String())
				}
			}
		})
	}
}

// TestFirstLine: the first line of a text or of bytes, without a byte
// order mark or line end, alike for both.
func TestFirstLine(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"ru,en\nмир,peace\n", "ru,en"},
		{"\uFEFFru;en\r\nмир;peace", "ru;en"},
		{"ru\ten", "ru\ten"},
		{"\uFEFF", ""},
		{"", ""},
		{"\nru,en", ""},
	} {
		if got := firstLine(tc.in); got != tc.want {
			t.Errorf("firstLine(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := firstLine([]byte(tc.in)); got != tc.want {
			t.Errorf("firstLine([]byte(%q)) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestStableNFC: every two-byte character is stable when it is Latin
// (up to U+02FF) or Cyrillic (U+0400–U+04FF) and not otherwise (the
// combining marks U+0300–U+036F, Greek, Armenian, Hebrew, Arabic…); a
// text is stable when all its characters are.
func TestStableNFC(t *testing.T) {
	for r := rune(0x80); r < 0x800; r++ {
		want := r <= 0x2FF || r >= 0x400 && r <= 0x4FF
		if got := stableNFC([]byte(string(r))); got != want {
			t.Errorf("stableNFC(%U) = %v, want %v", r, got, want)
		}
	}
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"мир, peace — «договор» №5 €", true},
		{"и\u0306", false}, // й decomposed: a combining breve
		{"Ἀθῆναι", false},
		{"中国", true},
		{"ä\u0308", false},
		{"", true},
	} {
		if got := stableNFC([]byte(tc.text)); got != tc.want {
			t.Errorf("stableNFC(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
