using System.CommandLine;
using Tightrope.Cli;

return Cli.Run(args);
