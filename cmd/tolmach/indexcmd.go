package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"tolmach/glossary"
	"tolmach/index"
	"tolmach/project"
)

func init() { register(newIndexCommand) }

type indexOptions struct {
	glossaries cli.StringSlice
	format     string
}

func newIndexCommand() *cli.Command {
	opts := &indexOptions{}
	return &cli.Command{
		Name:  "index",
		Usage: "manage the cached index of the glossaries: build, status, clean",
		Description: `tolmach lookup searches a bleve index of the glossaries in use. It is built on
   first use and kept under $XDG_CACHE_HOME/tolmach/index (~/.cache/tolmach/index
   when XDG_CACHE_HOME is unset), one index per list of glossaries. It is
   rebuilt when a glossary changes (a glossary file is checked by size and
   modification time, and by content hash when those change) or when a new
   tolmach analyses text differently. A corrupt index is discarded and
   rebuilt; an unwritable cache directory means an index in memory.`,
		Action: func(c *cli.Context) error {
			if c.Args().Len() > 0 {
				return withHint(newUsageError("unknown index subcommand %q", c.Args().First()), "run 'tolmach index --help' for the list")
			}
			return cli.ShowSubcommandHelp(c)
		},
		Subcommands: []*cli.Command{
			{
				Name:  "build",
				Usage: "build (or rebuild) the index of the glossaries in use",
				Flags: []cli.Flag{glossaryFlag(&opts.glossaries)},
				Action: func(c *cli.Context) error {
					if err := noArgs(c, "index build"); err != nil {
						return err
					}
					return runIndexBuild(c.Context, opts, c.App.Writer, c.App.ErrWriter)
				},
			},
			{
				Name:  "status",
				Usage: "show whether the index of the glossaries in use is built and fresh",
				Flags: []cli.Flag{glossaryFlag(&opts.glossaries),
					&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output format: text or json", Destination: &opts.format},
				},
				Action: func(c *cli.Context) error {
					if err := noArgs(c, "index status"); err != nil {
						return err
					}
					return runIndexStatus(c.Context, opts, c.App.Writer)
				},
			},
			{
				Name:  "clean",
				Usage: "remove every cached glossary index",
				Action: func(c *cli.Context) error {
					if err := noArgs(c, "index clean"); err != nil {
						return err
					}
					return runIndexClean(c.Context, opts, c.App.Writer)
				},
			},
		},
	}
}

func runIndexBuild(ctx context.Context, opts *indexOptions, w, stderr io.Writer) error {
	srcs, load, err := glossarySources(opts.glossaries.Value())
	if err != nil {
		return err
	}
	cache, err := newIndexCache(stderr)
	if err != nil {
		return err
	}
	start := time.Now()
	x, err := cache.Rebuild(ctx, srcs, load)
	if err != nil {
		return err
	}
	defer x.Close()
	where := x.Dir()
	if where == "" {
		where = "memory (the cache directory is not writable)"
	}
	fmt.Fprintf(w, "indexed %d concepts from %s in %.2fs: %s\n", x.Concepts(), describeSources(srcs), time.Since(start).Seconds(), where)
	return nil
}

// indexStatusJSON is the JSON form of "tolmach index status".
type indexStatusJSON struct {
	Glossaries []string  `json:"glossaries"`
	Dir        string    `json:"dir"`
	Exists     bool      `json:"exists"`
	Fresh      bool      `json:"fresh"`
	Reason     string    `json:"reason,omitempty"`
	Concepts   int       `json:"concepts"`
	Built      time.Time `json:"built,omitzero"`
	Bytes      int64     `json:"bytes"`
	CacheDir   string    `json:"cache_dir"`
	Entries    int       `json:"entries"`
	CacheBytes int64     `json:"cache_bytes"`
}

func runIndexStatus(_ context.Context, opts *indexOptions, w io.Writer) error {
	if opts.format != "text" && opts.format != "json" {
		return newUsageError("index status: unknown --format %q (want text or json)", opts.format)
	}
	srcs, _, err := glossarySources(opts.glossaries.Value())
	if err != nil {
		return err
	}
	cache, err := newIndexCache(io.Discard)
	if err != nil {
		return err
	}
	st, err := cache.Status(srcs)
	if err != nil {
		return err
	}
	n, total := cache.Entries()
	out := indexStatusJSON{Glossaries: sourceNames(srcs), Dir: st.Dir, Exists: st.Exists, Fresh: st.Fresh, Reason: st.Reason,
		Concepts: st.Concepts, Built: st.Built, Bytes: st.Bytes, CacheDir: cache.Dir, Entries: n, CacheBytes: total}
	if opts.format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	state := "fresh"
	switch {
	case !st.Exists && st.Reason == "not built yet":
		state = "not built yet; the next lookup builds it"
	case !st.Exists:
		state = "not usable (" + st.Reason + "); the next lookup rebuilds it"
	case !st.Fresh:
		state = "stale (" + st.Reason + "); the next lookup rebuilds it"
	}
	fmt.Fprintf(w, "glossaries: %s\n", strings.Join(out.Glossaries, ", "))
	fmt.Fprintf(w, "index:      %s\n", st.Dir)
	fmt.Fprintf(w, "state:      %s\n", state)
	if st.Exists {
		fmt.Fprintf(w, "concepts:   %d\n", st.Concepts)
		fmt.Fprintf(w, "built:      %s\n", st.Built.Local().Format("2006-01-02 15:04:05"))
		fmt.Fprintf(w, "size:       %s\n", humanBytes(st.Bytes))
	}
	fmt.Fprintf(w, "cache:      %s (%d indexes, %s)\n", cache.Dir, n, humanBytes(total))
	return nil
}

func runIndexClean(_ context.Context, _ *indexOptions, w io.Writer) error {
	cache, err := newIndexCache(io.Discard)
	if err != nil {
		return err
	}
	n, bytes, err := cache.Clean()
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "removed %d cached indexes (%s) from %s\n", n, humanBytes(bytes), cache.Dir)
	return nil
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f kB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// newIndexCache returns the glossary index cache, with its notices
// printed on stderr as "tolmach: …".
func newIndexCache(stderr io.Writer) (*index.Cache, error) {
	dir, err := index.DefaultCacheDir()
	if err != nil {
		return nil, err
	}
	return &index.Cache{Dir: dir, Notify: func(msg string) { fmt.Fprintf(stderr, "tolmach: %s\n", msg) }}, nil
}

// openGlossaryIndex opens the cached index of the glossaries in use,
// building it first when needed. With a fresh cached index no glossary
// is read: only the files' sizes and modification times are.
//
// With rebuild set, the index is rebuilt whatever the cache holds: for
// an index whose stored data turned out corrupt only at lookup time.
func openGlossaryIndex(ctx context.Context, paths []string, stderr io.Writer, rebuild bool) (*index.Index, error) {
	srcs, load, err := glossarySources(paths)
	if err != nil {
		return nil, err
	}
	cache, err := newIndexCache(stderr)
	if err != nil {
		fmt.Fprintf(stderr, "tolmach: warning: %v; using an index in memory\n", err)
		g, err := load()
		if err != nil {
			return nil, err
		}
		return index.Build(ctx, g, "")
	}
	if rebuild {
		return cache.Rebuild(ctx, srcs, load)
	}
	return cache.Open(ctx, srcs, load)
}

// glossarySources names the glossaries in use (glossariesInUse: the
// --glossary files, else the project's, else the built-in glossary) as
// index sources, without parsing them: files are stat'ed, the built-in
// glossary's embedded bytes hashed (well under a millisecond). load
// parses them when an index must be built.
func glossarySources(paths []string) ([]index.Source, func() (*glossary.Glossary, error), error) {
	inUse, err := glossariesInUse(paths)
	if err != nil {
		return nil, nil, err
	}
	srcs, err := project.IndexSources(inUse)
	if err != nil {
		return nil, nil, err
	}
	load := func() (*glossary.Glossary, error) { return project.Load(inUse) }
	return srcs, load, nil
}

func sourceNames(srcs []index.Source) []string {
	out := make([]string, len(srcs))
	for i, s := range srcs {
		out[i] = s.String()
	}
	return out
}

func describeSources(srcs []index.Source) string {
	return strings.Join(sourceNames(srcs), ", ")
}
