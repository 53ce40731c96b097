package tm

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"tolmach/internal/shareddata"

	"tolmach/internal/lang"
)

// TestReadSharedTMX reads every TMX of the third-party edge cases (the
// LISA compliance kit included): each is read with the expected number
// of units and segments, or rejected with file:line:column.
func TestReadSharedTMX(t *testing.T) {
	d := sharedData(t)
	tests := []struct {
		file        string
		units, segs int
		err         string // "" when the file must be read
	}{
		{"tm_formats_okapi/tmx/Paragraph_TM.tmx", 7, 14, ""},
		{"tm_formats_okapi/tmx/a_small_test2.tmx", 1, 2, ""},
		{"tm_formats_okapi/tmx/header_with_prop_and_note.tmx", 1, 2, ""},
		{"tm_formats_okapi/tmx/html_test.tmx", 11, 22, ""},
		{"tm_formats_okapi/tmx/mytm.tmx", 25, 50, ""},
		{"tm_formats_okapi/tmx/one_to_one2.tmx", 1, 2, ""},
		{"tm_formats_okapi/tmx/sample14b.tmx", 25, 50, ""},
		{"tm_formats_okapi/tmx/tmxtest-attributes.tmx", 9, 18, ""},
		{"tm_formats_omegat/tmx/empty.tmx", 0, 0, ""},
		{"tm_formats_omegat/tmx/en-US_en-GB_fr_sr.tmx", 1, 4, ""},
		{"tm_formats_omegat/tmx/en-US_sr.tmx", 1, 2, ""},
		{"tm_formats_omegat/tmx/invalid.tmx", 0, 0, `invalid.tmx:12:17: malformed translation memory: <ept i="1"> without an open <bpt i="1">`},
		{"tm_formats_omegat/tmx/resegmenting.tmx", 1, 2, ""},
		{"tm_formats_omegat/tmx/test-SMP.tmx", 1, 2, ""},
		{"tm_formats_omegat/tmx/test-level1.tmx", 4, 11, ""},
		{"tm_formats_omegat/tmx/test-level2.tmx", 4, 8, ""},
		{"tm_formats_omegat/tmx/test-missingSource.tmx", 4, 9, ""},
		{"tm_formats_omegat/tmx/test-multiple-entries.tmx", 4, 8, ""},
		{"tm_formats_omegat/tmx/test-multiple-tuv.tmx", 3, 14, ""},
		{"tm_formats_omegat/tmx/test-multiple-tuv14.tmx", 3, 14, ""},
		{"tm_formats_omegat/tmx/test-omegat-invalid.tmx", 4, 11, ""},
		{"tm_formats_omegat/tmx/test-omegat.tmx", 4, 11, ""},
		{"tm_formats_omegat/tmx/test-save-tmx14.tmx", 4, 8, ""},
		{"tm_formats_omegat/tmx/TMXComplianceKit/ExportTest1A.tmx", 4, 8, ""},
		{"tm_formats_omegat/tmx/TMXComplianceKit/ExportTest1B.tmx", 2, 4, ""},
		{"tm_formats_omegat/tmx/TMXComplianceKit/ExportTest1C.tmx", 4, 8, ""},
		{"tm_formats_omegat/tmx/TMXComplianceKit/ExportTest1D.tmx", 4, 8, ""},
		{"tm_formats_omegat/tmx/TMXComplianceKit/ExportTest1E.tmx", 4, 8, ""},
		{"tm_formats_omegat/tmx/TMXComplianceKit/ExportTest2A.tmx", 6, 12, ""},
		{"tm_formats_omegat/tmx/TMXComplianceKit/ImportTest1A.tmx", 2, 4, ""},
		{"tm_formats_omegat/tmx/TMXComplianceKit/ImportTest1B.tmx", 1, 2, ""},
		{"tm_formats_omegat/tmx/TMXComplianceKit/ImportTest1C.tmx", 3, 15, ""},
		{"tm_formats_omegat/tmx/TMXComplianceKit/ImportTest1D.tmx", 3, 6, ""},
		{"tm_formats_omegat/tmx/TMXComplianceKit/ImportTest1E.tmx", 3, 6, ""},
		{"tm_formats_omegat/tmx/TMXComplianceKit/ImportTest1F.tmx", 3, 6, ""},
		{"tm_formats_omegat/tmx/TMXComplianceKit/ImportTest1G.tmx", 3, 6, ""},
		{"tm_formats_omegat/tmx/TMXComplianceKit/ImportTest1H.tmx", 3, 6, ""},
		{"tm_formats_omegat/tmx/TMXComplianceKit/ImportTest1I.tmx", 1, 2, ""},
		{"tm_formats_omegat/tmx/TMXComplianceKit/ImportTest1J.tmx", 2, 4, ""},
		{"tm_formats_omegat/tmx/TMXComplianceKit/ImportTest1J_many.tmx", 3, 6, ""},
		{"tm_formats_omegat/tmx/TMXComplianceKit/ImportTest1K.tmx", 2, 4, ""},
		{"tm_formats_omegat/tmx/TMXComplianceKit/ImportTest1L.tmx", 1, 3, ""},
		{"tm_formats_omegat/tmx/TMXComplianceKit/ImportTest2A-0index.tmx", 7, 14, ""},
		{"tm_formats_omegat/tmx/TMXComplianceKit/ImportTest2A.tmx", 7, 14, ""},
		{"tm_formats_omegat/tmx/TMXComplianceKit/ImportTest2B.tmx", 7, 14, ""},
		{"tm_formats_omegat/tmx/TMXComplianceKit/ImportTest2C.tmx", 1, 3, ""},
		{"tm_formats_weblate/memory.tmx", 1, 3, ""},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			units, segs := 0, 0
			var got []Unit
			err := ReadFile(filepath.Join(d, tt.file), func(u *Unit) error {
				units++
				segs += len(u.Segments)
				got = append(got, *u)
				return nil
			})
			if tt.err != "" {
				if err == nil || !strings.HasSuffix(err.Error(), tt.err) || !errors.Is(err, ErrMalformed) {
					t.Fatalf("err = %v, want …%s", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if units != tt.units || segs != tt.segs {
				t.Errorf("read %d units, %d segments; want %d, %d", units, segs, tt.units, tt.segs)
			}
			// Round trip: written and read again, the units are equal.
			var buf bytes.Buffer
			w := NewTMXWriter(&buf, "*all*")
			for i := range got {
				if err := w.Write(&got[i]); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			i := 0
			err = Read(&buf, "roundtrip", TMX, func(u *Unit) error {
				if !sameUnit(*u, got[i]) {
					t.Errorf("unit %d after a round trip:\n got %+v\nwant %+v", i, *u, got[i])
				}
				i++
				return nil
			})
			if err != nil || i != len(got) {
				t.Fatalf("round trip: %d units, err %v", i, err)
			}
		})
	}
}

func sameUnit(a, b Unit) bool {
	if a.ID != b.ID || a.Document != b.Document || !a.Created.Equal(b.Created) || len(a.Segments) != len(b.Segments) ||
		strings.Join(a.Notes, "\n") != strings.Join(b.Notes, "\n") || len(a.Props) != len(b.Props) {
		return false
	}
	for i := range a.Segments {
		if a.Segments[i] != b.Segments[i] {
			return false
		}
	}
	return true
}

// TestComplianceKitText checks the plain text of the LISA kit's import
// tests against the expected text files shipped with it.
func TestComplianceKitText(t *testing.T) {
	d := filepath.Join(sharedData(t), "tm_formats_omegat/tmx/TMXComplianceKit")
	for _, name := range []string{"ImportTest1C", "ImportTest1D", "ImportTest1E", "ImportTest1F", "ImportTest1G", "ImportTest1H"} {
		t.Run(name, func(t *testing.T) {
			want, _, err := lang.ReadFile(filepath.Join(d, name+".txt"), "")
			if err != nil {
				t.Skip(err)
			}
			var got []string
			err = ReadFile(filepath.Join(d, name+".tmx"), func(u *Unit) error {
				if s, ok := u.Segment("en-US"); ok && s.Lang == "en-US" {
					got = append(got, strings.TrimSpace(s.Text))
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if g, w := strings.Join(got, "\n"), strings.TrimSpace(want); g != w {
				t.Errorf("en-US text:\n got %q\nwant %q", g, w)
			}
		})
	}
}

func TestReadTMXFeatures(t *testing.T) {
	tests := []struct {
		name, doc string
		check     func(t *testing.T, us []Unit)
		err       string
	}{
		{"languages any case with regions and TMX 1.1 lang", `<tmx version="1.1"><header srclang="RU-RU"/><body>
<tu><tuv lang="RU-RU"><seg>Мир</seg></tuv><tuv xml:lang="en_us"><seg>Peace</seg></tuv></tu></body></tmx>`,
			func(t *testing.T, us []Unit) {
				if us[0].Segments[0].Lang != "ru-RU" || us[0].Segments[1].Lang != "en-US" || us[0].SrcLang != "ru-RU" {
					t.Errorf("langs %+v", us[0])
				}
			}, ""},
		{"inline codes kept for export, left out of text", `<tmx version="1.4"><header srclang="*all*"/><body>
<tu tuid="7" creationdate="20240102T030405Z"><note>n</note><prop type="x-document">doc.txt</prop><prop type="x-k">v</prop>
<tuv xml:lang="en"><seg>Press <bpt i="1">&lt;b></bpt>Enter<ept i="1">&lt;/b></ept> <ph>&lt;br/></ph><hi>now</hi></seg></tuv>
<tuv xml:lang="ru"><seg>Нажмите</seg></tuv></tu></body></tmx>`,
			func(t *testing.T, us []Unit) {
				u := us[0]
				if u.Segments[0].Text != "Press Enter now" || !strings.Contains(u.Segments[0].Markup, `<bpt i="1">&lt;b&gt;</bpt>`) {
					t.Errorf("segment %+v", u.Segments[0])
				}
				if u.ID != "7" || u.Document != "doc.txt" || len(u.Props) != 1 || u.Notes[0] != "n" || u.Created.Year() != 2024 || u.SrcLang != "" {
					t.Errorf("unit %+v", u)
				}
			}, ""},
		{"BOM-less UTF-16 declaring UTF-16", string(utf16le(`<?xml version="1.0" encoding="UTF-16"?><tmx><header/><body><tu><tuv xml:lang="ru"><seg>Мир</seg></tuv><tuv xml:lang="en"><seg>Peace</seg></tuv></tu></body></tmx>`)[2:]),
			func(t *testing.T, us []Unit) {
				if len(us) != 1 || us[0].Segments[0].Text != "Мир" {
					t.Errorf("units %+v", us)
				}
			}, ""},
		{"several tuv per language", `<tmx version="1.4"><header/><body><tu><tuv xml:lang="en"><seg>a</seg></tuv><tuv xml:lang="en"><seg>b</seg></tuv><tuv xml:lang="ru"><seg>в</seg></tuv></tu></body></tmx>`,
			func(t *testing.T, us []Unit) {
				if len(us[0].Segments) != 3 {
					t.Errorf("segments %+v", us[0].Segments)
				}
			}, ""},
		{"truncated", "<tmx version=\"1.4\"><header/><body>\n<tu><tuv xml:lang=\"en\"><seg>a</seg></tuv>", nil, "t.tmx:2:42: malformed translation memory: unexpected EOF"},
		{"not tmx", "<xliff/>", nil, "t.tmx:1:9: malformed translation memory: root element is <xliff>, want <tmx>"},
		{"undefined entity", "<tmx><header/><body><tu><tuv xml:lang=\"en\"><seg>&nbsp;</seg></tuv></tu></body></tmx>", nil, "invalid character entity &nbsp;"},
		{"tuv without lang", "<tmx><header/><body><tu><tuv><seg>x</seg></tuv></tu></body></tmx>", nil, "<tuv> without xml:lang"},
		{"BOM-less UTF-16 declaring UTF-8", string(utf16le(`<?xml version="1.0" encoding="UTF-8"?><tmx><header/><body></body></tmx>`)[2:]), nil, `declares encoding "UTF-8"`},
		{"external entity never fetched", "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [ <!ENTITY xxe SYSTEM \"/etc/passwd\"> ]>\n<tmx><header/><body><tu><tuv xml:lang=\"en\"><seg>&xxe;</seg></tuv></tu></body></tmx>", nil, "t.tmx:3:"},
		{"content after body", "<tmx><header/><body></body><body></body></tmx>", nil, "unexpected <body> after </body>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var us []Unit
			err := Read(strings.NewReader(tt.doc), "t.tmx", TMX, func(u *Unit) error { us = append(us, *u); return nil })
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, us)
		})
	}
}

func TestReadTable(t *testing.T) {
	tests := []struct {
		name, file, data string
		units            int
		err              string
	}{
		{"tsv", "a.tsv", "ru\ten\nМир\tPeace\nОдин\t\n", 1, ""},
		{"csv quoted", "a.csv", "id,en,ru\n1,\"Peace, now\",\"Мир, сейчас\"\n", 1, ""},
		{"tsv with BOM and regions", "a.tsv", "\uFEFFRU-RU\tEN-GB\nМир\tPeace\n", 1, ""},
		{"no language header", "a.tsv", "source\ttarget\nМир\tPeace\n", 0, "a.tsv:1:1: malformed translation memory"},
		{"bad csv quote", "a.csv", "ru,en\n\"Мир,Peace\n", 0, "a.csv:2:"},
		{"csv with semicolons (Excel, Russian locale)", "a.csv", "ru;en;note\nМир, дружба;Peace, friendship;\n\"Один; два\";\"One; two\";\n", 2, ""},
		{"csv with a semicolon in a cell", "a.csv", "ru,en\nМир; дружба,Peace; friendship\n", 1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := 0
			f := FormatOf(tt.file, []byte(tt.data))
			err := Read(strings.NewReader(tt.data), tt.file, f, func(u *Unit) error { n++; return nil })
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil || n != tt.units {
				t.Fatalf("%d units, err %v; want %d", n, err, tt.units)
			}
		})
	}
}

func TestNormLang(t *testing.T) {
	for in, want := range map[string]string{"RU-RU": "ru-RU", "ru_ru": "ru-RU", "EN": "en", "en-us": "en-US", "*ALL*": "*all*", "sr-latn-RS": "sr-Latn-RS"} {
		if got := NormLang(in); got != want {
			t.Errorf("NormLang(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzTMX feeds the reader arbitrary documents, seeded from the test
// tables and the real edge-case files: it must never panic, and what it
// reads must survive a write and a second read.
func FuzzTMX(f *testing.F) {
	f.Add([]byte(`<tmx version="1.4"><header srclang="ru"/><body><tu><tuv xml:lang="ru"><seg>Мир <ph>x</ph></seg></tuv><tuv xml:lang="en"><seg>Peace</seg></tuv></tu></body></tmx>`))
	if files, _ := filepath.Glob(filepath.Join(sharedDataOrEmpty(), "tm_formats_*", "tmx", "*.tmx")); files != nil {
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var us []Unit
		if err := Read(bytes.NewReader(data), "f.tmx", TMX, func(u *Unit) error { us = append(us, *u); return nil }); err != nil {
			return
		}
		var buf bytes.Buffer
		w := NewTMXWriter(&buf, "")
		for i := range us {
			w.Write(&us[i])
		}
		w.Close()
		n := 0
		if err := Read(&buf, "again.tmx", TMX, func(u *Unit) error { n++; return nil }); err != nil {
			t.Fatalf("written TMX unreadable: %v\n%s", err, buf.String())
		}
		if n != len(us) {
			t.Fatalf("%d units written, %d read back", len(us), n)
		}
	})
}

// FuzzTSV feeds the table reader arbitrary TSV and CSV.
func FuzzTSV(f *testing.F) {
	f.Add([]byte("ru\ten\nМир\tPeace\n"), true)
	f.Add([]byte("id,ru,en\n1,\"a,b\",c\n"), false)
	f.Add([]byte("num\tru-RU\ten_GB\tsrc\tpos\n1\tМир\tPeace\tUN\tn\n"), true)
	f.Add([]byte("src;tgt;zh-CN\nМир;Peace;和平\n"), false)
	if b, err := os.ReadFile(filepath.Join(sharedDataOrEmpty(), "ud_pud_ru_en", "pud.ru-en.tsv")); err == nil {
		f.Add(append([]byte("id\tru\ten\n"), b[:min(len(b), 4000)]...), true)
	}
	f.Fuzz(func(t *testing.T, data []byte, tsv bool) {
		format := CSV
		if tsv {
			format = TSV
		}
		Read(bytes.NewReader(data), "f", format, func(u *Unit) error {
			if len(u.Segments) < 2 {
				t.Fatalf("unit with %d segments", len(u.Segments))
			}
			return nil
		})
	})
}

// sharedDataOrEmpty is sharedData for fuzz seeding, which must not skip:
// a path that does not exist when the data is absent.
func sharedDataOrEmpty() string {
	if d := shareddata.Find(); d != "" {
		return d
	}
	return "/nonexistent"
}
