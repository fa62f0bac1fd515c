// The Go counterpart of counter.py; init prints before the harness's handshake on purpose.
package main

import "fmt"

var counter = 0

func init() {
	fmt.Println("printed by init, before the harness is ready")
}

func bump(n int) int {
	counter += n
	return counter
}

func total() int {
	return bump(0)
}
