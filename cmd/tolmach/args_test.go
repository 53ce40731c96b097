package main

import (
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"
)

func TestPermuteArgs(t *testing.T) {
	app := newApp(io.Discard, io.Discard)
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"flags first stay", "check --format json a b", "check --format json -- a b"},
		{"flags after files", "tm add-pair a b --into m.tmx", "tm add-pair --into m.tmx -- a b"},
		{"flags between files", "check a -g g.glossary b -f json", "check -g g.glossary -f json -- a b"},
		{"value with =", "check a b --format=json", "check --format=json -- a b"},
		{"bool flag takes no value", "align a --no-glossary b", "align --no-glossary -- a b"},
		{"double dash ends flags", "check a -- --format b", "check -- a --format b"},
		{"stdin dash is positional", "tm analyze - --tm m.tmx", "tm analyze --tm m.tmx -- -"},
		{"unknown flag left for cli to report", "check a b --nope", "check --nope -- a b"},
		{"value flag with no value", "tm add-pair a b --into", "tm add-pair --into"},
		{"help anywhere", "check a b --help", "check --help"},
		{"only flags", "export --format tsv -o x.tsv", "export --format tsv -o x.tsv"},
		{"global flags untouched", "--version", "--version"},
		{"unknown command untouched", "frobnicate a --x", "frobnicate a --x"},
		{"subcommand flags", "index build --glossary g", "index build --glossary g"},
		{"lookup words and flags", "lookup три силы зла -n 3 --exact", "lookup -n 3 --exact -- три силы зла"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := permuteArgs(app, append([]string{"tolmach"}, strings.Fields(tt.in)...))
			want := append([]string{"tolmach"}, strings.Fields(tt.want)...)
			if !slices.Equal(got, want) {
				t.Errorf("permuteArgs(%q)\n got %q\nwant %q", tt.in, got, want)
			}
		})
	}
}

// TestPermuteArgsEveryFlag holds the one rule to every flag of every
// command, present and future: "CMD FILE FLAG [VALUE]" reaches cli/v2 as
// "CMD FLAG [VALUE] -- FILE".
func TestPermuteArgsEveryFlag(t *testing.T) {
	app := newApp(io.Discard, io.Discard)
	n := 0
	walkCommands(app.Commands, nil, func(p []string, c *cli.Command) {
		if len(c.Subcommands) > 0 {
			return
		}
		for _, f := range c.Flags {
			flag := []string{"--" + f.Names()[0]}
			if takesValue(f) {
				flag = append(flag, "VALUE")
			}
			in := append(append(append([]string{"tolmach"}, p...), "FILE"), flag...)
			want := append(append(append([]string{"tolmach"}, p...), flag...), "--", "FILE")
			if got := permuteArgs(app, in); !slices.Equal(got, want) {
				t.Errorf("permuteArgs(%q) = %q, want %q", in, got, want)
			}
			n++
		}
	})
	if n < 50 {
		t.Fatalf("only %d command flags walked: is the command tree built?", n)
	}
}

// walkCommands calls visit with every command of cmds and their
// subcommands, depth first, and the path of names leading to it.
func walkCommands(cmds []*cli.Command, path []string, visit func(path []string, c *cli.Command)) {
	for _, c := range cmds {
		p := append(slices.Clone(path), c.Name)
		visit(p, c)
		walkCommands(c.Subcommands, p, visit)
	}
}
