from natoiraq.cli import main

main()
