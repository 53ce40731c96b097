package check

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"tolmach/internal/lang"
)

// FilePair is a source file and its translation.
type FilePair struct {
	Source, Target string
}

// FindPairs finds article pairs named x.ru.EXT ↔ x.en.EXT (the last
// language tag of a name counts: altapress.ru.37320.en.txt pairs with
// altapress.ru.37320.ru.txt). spec is a directory (searched recursively)
// or a glob of files (either language's files may match). sourceLang
// decides the direction ("" means Russian originals). Files that are not
// articles ([IsArticleName]: a .tsv beside them) or state no language
// are left out quietly; articles whose counterpart is missing are
// returned in unpaired, sorted; pairs are sorted by source path.
func FindPairs(spec string, sourceLang lang.Lang) (pairs []FilePair, unpaired []string, err error) {
	if sourceLang == "" {
		sourceLang = lang.RU
	}
	var files []string
	if fi, statErr := os.Stat(spec); statErr == nil && fi.IsDir() {
		err = filepath.WalkDir(spec, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && p != spec && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			if !d.IsDir() {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
	} else {
		files, err = filepath.Glob(spec)
		if err != nil {
			return nil, nil, fmt.Errorf("--pairs %q: %w", spec, err)
		}
		if len(files) == 0 {
			if statErr != nil && !strings.ContainsAny(spec, "*?[") {
				return nil, nil, statErr
			}
		}
	}
	have := map[string]bool{}
	for _, f := range files {
		have[f] = true
	}
	seen := map[string]bool{}
	for _, f := range files {
		l, counterpart := swapLang(f)
		if l == "" || seen[f] {
			continue
		}
		seen[f] = true
		if !have[counterpart] {
			if _, err := os.Stat(counterpart); err != nil {
				unpaired = append(unpaired, f)
				continue
			}
		}
		seen[counterpart] = true
		if l == sourceLang {
			pairs = append(pairs, FilePair{f, counterpart})
		} else {
			pairs = append(pairs, FilePair{counterpart, f})
		}
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].Source < pairs[j].Source })
	sort.Strings(unpaired)
	return pairs, unpaired, nil
}

// swapLang returns the language a file's name states and the name of its
// counterpart in the other language (lang.FileNameCounterpart: the last
// language tag swapped, so that altapress.ru.37320.en.txt pairs with
// altapress.ru.37320.ru.txt); "" for a name that states no language or a
// file that is not an article (see [IsArticleName]).
func swapLang(p string) (lang.Lang, string) {
	if !IsArticleName(p) {
		return "", ""
	}
	l, c, ok := lang.FileNameCounterpart(p)
	if !ok {
		return "", ""
	}
	return l, c
}

// IsArticleName reports whether a file's name is one of an article that
// `check --pairs` reads: plain text (.txt, .text, or no extension after
// the language tag: a.ru), Markdown, HTML or DOCX. Alignment tables,
// glossaries, memories, XLIFF (bilingual: checked on its own) and any
// other file beside the articles are not.
func IsArticleName(p string) bool {
	ext := strings.ToLower(filepath.Ext(p))
	switch ext {
	case ".txt", ".text":
		return true
	case ".ru", ".en":
		return true // the language tag ends the name
	}
	f := FormatOf(p)
	return f == Markdown || f == HTML || f == DOCX
}

// PairError is a pair of a batch that could not be checked: a file that
// cannot be read or decoded (mojibake, binary), a "translation" in the
// source language, an empty file. The batch goes on without it.
type PairError struct {
	Source, Target string
	Err            error
}

// Error says which pair failed and why.
func (e PairError) Error() string { return e.Err.Error() }

// Unwrap returns the cause, for errors.Is.
func (e PairError) Unwrap() error { return e.Err }

// CheckPairs checks many pairs in parallel with workers goroutines
// (GOMAXPROCS when workers <= 0) and returns the results in the order of
// pairs. The first error (in pair order) is returned with nothing else;
// [Checker.CheckEach] goes on past a broken pair.
func (c *Checker) CheckPairs(ctx context.Context, pairs []FilePair, workers int) ([]*Result, error) {
	results, failed, err := c.CheckEach(ctx, pairs, workers)
	if err != nil {
		return nil, err
	}
	if len(failed) > 0 {
		return nil, failed[0].Err
	}
	return results, nil
}

// CheckEach checks many pairs in parallel with workers goroutines
// (GOMAXPROCS when workers <= 0). A pair that cannot be checked does not
// stop the others: it is returned in failed, in pair order, and the
// results of the rest in results, in pair order. err is only ctx's.
func (c *Checker) CheckEach(ctx context.Context, pairs []FilePair, workers int) (results []*Result, failed []PairError, err error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	all := make([]*Result, len(pairs))
	errs := make([]error, len(pairs))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(workers, len(pairs)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				all[i], errs[i] = c.CheckFiles(ctx, pairs[i].Source, pairs[i].Target)
			}
		}()
	}
	for i := range pairs {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	for i, err := range errs {
		if err != nil {
			failed = append(failed, PairError{Source: pairs[i].Source, Target: pairs[i].Target, Err: err})
			continue
		}
		results = append(results, all[i])
	}
	return results, failed, nil
}
