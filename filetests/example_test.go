package filetests_test

import (
	"fmt"

	"kiln/filetests"
)

func ExampleChecker() {
	text := "block0(v0: i32):\n    v1 = iconst.i32 1\n    v2 = iadd v0, v1\n    return v2\n"
	var c filetests.Checker
	for i, line := range []string{
		"check: $(ONE=v\\d+) = iconst.i32 1",
		"nextln: $(SUM=v\\d+) = iadd v0, $ONE",
		"not: imul",
		"check: return $SUM",
	} {
		d, _ := filetests.ParseDirective(line, i+1)
		c.Directives = append(c.Directives, d)
	}
	fmt.Println(c.Check(text))
	c.Directives[3].Pattern = "return $ONE"
	fmt.Println(c.Check(text))
	// Output:
	// <nil>
	// line 4: check: return $ONE: no match after line 3
}
