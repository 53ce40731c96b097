package check

// Summary counts the findings of a run by severity, with the segments and
// glossary terms checked.
type Summary struct {
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Info     int `json:"info"`
	Segments int `json:"segments"`
	Terms    int `json:"terms"`
}

// Add counts f.
func (s *Summary) Add(f *Finding) {
	switch f.Severity {
	case Error:
		s.Errors++
	case Warning:
		s.Warnings++
	case Info:
		s.Info++
	}
}

// Summary returns the counts of one pair's result.
func (r *Result) Summary() Summary {
	s := Summary{Segments: r.Segments, Terms: r.Terms}
	for i := range r.Findings {
		s.Add(&r.Findings[i])
	}
	return s
}

// Report is everything one run found: the result of every checked pair,
// in the order the pairs were given, and the rules that ran.
type Report struct {
	Results []*Result
	// Errors are the pairs of a batch that could not be checked, in pair
	// order (see [Checker.CheckEach]); every printer lists them.
	Errors []PairError
	Rules  []Rule
	// Severities are the effective severities of Rules (defaults with the
	// configuration applied), for SARIF rule metadata.
	Severities map[string]Severity
}

// NewReport collects results checked by c.
func NewReport(c *Checker, results ...*Result) *Report {
	r := &Report{Results: results, Rules: c.enabled(), Severities: map[string]Severity{}}
	for _, rule := range r.Rules {
		s := rule.DefaultSeverity()
		if o, ok := c.opts.Severities[rule.Name()]; ok {
			s = o
		}
		r.Severities[rule.Name()] = s
	}
	return r
}

// Summary returns the counts over all pairs.
func (r *Report) Summary() Summary {
	var s Summary
	for _, res := range r.Results {
		rs := res.Summary()
		s.Errors += rs.Errors
		s.Warnings += rs.Warnings
		s.Info += rs.Info
		s.Segments += rs.Segments
		s.Terms += rs.Terms
	}
	return s
}

// Findings returns the findings of every pair, sorted by file, line and
// column.
func (r *Report) Findings() []Finding {
	var fs []Finding
	for _, res := range r.Results {
		fs = append(fs, res.Findings...)
	}
	SortFindings(fs)
	return fs
}

// Batch reports whether r is a batch's: more than one pair, or a pair
// that could not be checked. Printers then list every pair.
func (r *Report) Batch() bool { return len(r.Results)+len(r.Errors) > 1 || len(r.Errors) > 0 }

// Worst returns the highest severity among the findings, or Off when
// there are none.
func (r *Report) Worst() Severity {
	w := Off
	for _, res := range r.Results {
		for _, f := range res.Findings {
			w = max(w, f.Severity)
		}
	}
	return w
}
