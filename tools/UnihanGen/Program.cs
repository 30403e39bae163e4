using Tightrope.Knowledge.Transliteration;

// Regenerates src/Tightrope/Knowledge/Transliteration/unihan-readings.tsv from the Unihan database.
// Usage: dotnet run --project tools/UnihanGen -- [UNIHAN_FOLDER] [OUTPUT]
var folder = args.Length > 0 ? args[0] : UnihanTableBuilder.DefaultFolder;
var output = args.Length > 1 ? args[1] : Path.Combine("src", "Tightrope", "Knowledge", "Transliteration", "unihan-readings.tsv");
var readings = UnihanTableBuilder.Locate(folder, "Unihan_Readings");
var variants = UnihanTableBuilder.Locate(folder, "Unihan_Variants");
if (readings is null || variants is null)
{
    Console.Error.WriteLine($"unihangen: Unihan_Readings.txt(.bz2) and Unihan_Variants.txt(.bz2) not found in {folder} (Debian package unicode-data)");
    return 2;
}

var table = UnihanTableBuilder.Build(readings, variants);
File.WriteAllText(output, table);
Console.WriteLine($"unihangen: wrote {output} ({table.Length:N0} characters) from {readings} and {variants}");
return 0;
