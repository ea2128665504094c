"""One module per `mentor-gallery` subcommand, each with add_parser(commands) and run(args)."""
