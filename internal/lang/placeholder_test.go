package lang

import (
	"strings"
	"testing"
)

func TestPlaceholders(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // "text=key" of each placeholder, "|"-separated; key "" for free kinds
	}{
		{"twig", "Images wider than {{ max_width }} px are scaled", "{{ max_width }}={{max_width}}"},
		{"twig block", "{% if user %}Hello{% endif %}", "{% if user %}={%if user%}|{% endif %}={%endif%}"},
		{"positional printf", "Open %1$@ in %2$@", "%1$@=%1$@|%2$@=%2$@"},
		{"unnumbered printf numbered by order", "%d of %s", "%d=%1$d|%s=%2$s"},
		{"printf width precision length", "%-5.2f and %lld", "%-5.2f=%1$f|%lld=%2$d"},
		{"python named", "Hello %(name)s", "%(name)s=%(name)s"},
		{"date format", "%m/%d/%Y", "%m=%m|%d=%1$d|%Y=%Y"},
		{"per cent is prose", "Growth was 20% of GDP and 50%of that", ""},
		{"escaped per cent", "100%% done", ""},
		{"brace variables", "Hello {name}, you have {0} messages", "{name}={name}|{0}={0}"},
		{"icu number", "{n, number, integer} items", "{n, number, integer}={n}"},
		{"icu plural", "{count, plural, one {# file} other {# files}}", "{count, plural,={count}|one {=|#=|}=|other {=|#=|}=|}="},
		{"dollar and ruby", "${ user } and %{count}", "${ user }=${user}|%{count}=%{count}"},
		{"tags", `Press <b>Enter</b><br/> or <x id="1"/>`, "<b>=<b>|</b>=</b>|<br/>=<br>|<x id=\"1\"/>=<x>"},
		{"url", "See https://example.com/a?b=1, then", "https://example.com/a?b=1="},
		{"email", "Write to support@example.org.", "support@example.org="},
		{"domain", "Connect Box.com now", "Box.com="},
		{"path", "Go to /en-US/portfolio or ~/docs.", "/en-US/portfolio=|~/docs="},
		{"windows path", `Saved in C:\Temp\x.txt`, `C:\Temp\x.txt=`},
		{"fraction and and/or are prose", "1/2 and/or 24/7 km/h", ""},
		{"prose", "Россия и Китай подписали 12 соглашений.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range Placeholders(tt.in) {
				got = append(got, tt.in[p.Start:p.End]+"="+p.Key)
			}
			if g := strings.Join(got, "|"); g != tt.want {
				t.Errorf("Placeholders(%q) = %s, want %s", tt.in, g, tt.want)
			}
		})
	}
}

func TestMaskPlaceholders(t *testing.T) {
	in := "Осталось %1$d из %2$d файлов на Box.com"
	got := MaskPlaceholders(in)
	if len(got) != len(in) {
		t.Fatalf("length %d, want %d", len(got), len(in))
	}
	if ns := Numbers(got); len(ns) != 0 {
		t.Errorf("numbers in masked text %q: %v", got, ns)
	}
	if !strings.HasPrefix(got, "Осталось ") || !strings.Contains(got, " из ") {
		t.Errorf("prose changed: %q", got)
	}
}

func FuzzPlaceholders(f *testing.F) {
	for _, s := range []string{"{{ max_width }}", "%1$@ %d %m/%d/%Y", "{count, plural, one {# file} other {# files}}", "<b>x</b>", "https://a.com/x", "a@b.ru", "/en-US/portfolio", "Box.com", "{n, number,", "%(", "{{", "\xff%"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ps := Placeholders(s)
		end := 0
		for _, p := range ps {
			if p.Start < end || p.End <= p.Start || p.End > len(s) {
				t.Fatalf("Placeholders(%q): bad or overlapping span %+v", s, p)
			}
			end = p.End
		}
		if m := MaskPlaceholders(s); len(m) != len(s) {
			t.Fatalf("MaskPlaceholders(%q) changed the length", s)
		}
	})
}
