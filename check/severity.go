package check

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Severity is how serious a [Finding] is. The zero value is [Off]: a rule
// configured "off" reports nothing.
type Severity uint8

// The severities, from a disabled rule up to an error.
const (
	Off Severity = iota
	Info
	Warning
	Error
)

// String returns the contract's name of s: "error", "warning", "info" or
// "off".
func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "off"
}

// ParseSeverity parses a severity name as written in the configuration
// and on the command line. "never" (for --fail-on) is read as [Off].
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "error":
		return Error, nil
	case "warning", "warn":
		return Warning, nil
	case "info", "suggestion":
		return Info, nil
	case "off", "never", "none", "ignore":
		return Off, nil
	}
	return Off, fmt.Errorf("unknown severity %q (want error, warning, info or off)", s)
}

// MarshalJSON writes the severity's name.
func (s Severity) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

// UnmarshalJSON reads a severity's name.
func (s *Severity) UnmarshalJSON(b []byte) error {
	var name string
	if err := json.Unmarshal(b, &name); err != nil {
		return err
	}
	v, err := ParseSeverity(name)
	if err != nil {
		return err
	}
	*s = v
	return nil
}
