package interp

import "kiln/ir"

// Run executes one parsed run command as `test interpret` does: it calls
// the function rc names (owner, the function whose comment holds rc, when
// rc is the legacy bare `run`) and compares the results bit for bit with
// rc.Expected under rc.Cmp. ok is true when the comparison holds, and
// always for print commands. A trap or other failure is returned as err
// (a trap is always a failure: run lines cannot expect one).
func (in *Interpreter) Run(rc *ir.RunCommand, owner *ir.Function) (actual []ir.DataValue, ok bool, err error) {
	name := rc.Name
	if name == "" && owner != nil {
		name = owner.Name.String()
	}
	actual, err = in.Call(name, rc.Args)
	if err != nil {
		return nil, false, err
	}
	if rc.Kind == ir.RunPrint {
		return actual, true, nil
	}
	return actual, Equal(actual, rc.Expected) == (rc.Cmp == ir.CmpEq), nil
}

// Equal compares result lists bitwise: same length, same types, same bits
// (NaN payloads and the sign of zero matter).
func Equal(a, b []ir.DataValue) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
