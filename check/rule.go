package check

// Rule is one kind of check, in its own file (rule_term_missing.go, …):
// it looks at an analysed [Pair] and returns what it finds. Rules set the
// Rule, Severity, Message, locations, Term and Suggestion of their
// findings; the [Checker] applies severity overrides and suppressions,
// computes fingerprints and sorts.
type Rule interface {
	// Name is the rule's identifier, the "rule" field of findings.
	Name() string
	// Description is one sentence for help texts and SARIF rule metadata.
	Description() string
	// DefaultSeverity is the severity of the rule's findings unless the
	// configuration overrides it. Rules whose findings carry different
	// severities (term-forbidden) return the highest.
	DefaultSeverity() Severity
	// Check returns the rule's findings on p.
	Check(p *Pair) []Finding
}

// Rules returns every built-in rule, in the order of contract.md, then
// the rules tolmach adds to it.
func Rules() []Rule {
	return []Rule{
		termMissing{}, termForbidden{}, termInconsistent{}, numberMismatch{},
		untranslated{}, segmentMissing{}, segmentExtra{}, termDrift{}, termPartial{}, placeholderMismatch{},
	}
}

// RuleByName returns the built-in rule called name, or nil.
func RuleByName(name string) Rule {
	for _, r := range Rules() {
		if r.Name() == name {
			return r
		}
	}
	return nil
}
