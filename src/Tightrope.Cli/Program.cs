using Tightrope.Cli;

return Cli.Entry(args);
