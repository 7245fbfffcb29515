# Convenience wrappers; the README's two commands are `python3 tasks.py report` and `python3 tasks.py test`.
.PHONY: report test setup lint clean-cache
report:
	python3 tasks.py report
test:
	python3 tasks.py test
setup:
	python3 tasks.py setup
lint:
	.venv/bin/ruff check toolkit tests benchmarks
clean-cache:
	.venv/bin/python -c "import toolkit.cache as c; c.clear()"
