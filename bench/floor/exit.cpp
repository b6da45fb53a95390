// The floor of any command: a static program that exits at once, no C++ runtime used (bench/bench.py, "exec
// floor").
int main(void) { return 0; }
