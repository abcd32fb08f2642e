namespace LocalFlow.Data.Demo;

/// <summary>Where a family's surname comes from, in a northern English town.</summary>
internal enum NameOrigin
{
    English,
    Welsh,
    Scottish,
    Irish,
    SouthAsian,
    Polish,
    Caribbean,
}

/// <summary>
/// Names for the demo locality: first names that were common in England and Wales for the generation a
/// person was born in, by sex, and surnames across the origins found in a northern English town, weighted
/// so that common names are common. The lists and weights are the demo's own rough approximation, not
/// official statistics. Every draw uses the <see cref="Random"/> passed in, so a seed always gives the same names.
/// </summary>
internal static class DemoNames
{
    // "Name*weight" tokens; a name without a weight counts once.
    private static readonly WeightedNames FemaleBefore1960 = new(
        "Margaret*10 Mary*8 Patricia*8 Joan*7 Jean*7 Dorothy*6 Barbara*6 Christine*6 Susan*6 Sheila*5 Joyce*5 Maureen*5 " +
        "Pauline*5 Kathleen*5 Elizabeth*5 Brenda*5 Ann*5 Janet*5 Doreen*4 Irene*4 Betty*4 Valerie*4 Shirley*4 Eileen*4 " +
        "Pamela*4 Anne*4 Linda*4 Carol*4 Sandra*4 Sylvia*3 Marjorie*3 June*3 Audrey*3 Vera*3 Beryl*3 Gillian*3 Jacqueline*3 " +
        "Marion*3 Rita*3 Norma*3 Hazel*3 Wendy*3 Hilda*2 Edna*2 Elsie*2 Winifred*2 Evelyn*2 Iris*2 Gladys*2 Lilian*2 Mavis*2 Freda*2");

    private static readonly WeightedNames MaleBefore1960 = new(
        "John*10 David*8 Michael*7 Peter*7 Robert*6 Brian*6 Alan*6 William*5 James*5 Ronald*5 Kenneth*5 Anthony*5 " +
        "Derek*4 Keith*4 Raymond*4 George*4 Colin*4 Barry*4 Richard*4 Roy*3 Terence*3 Dennis*3 Frank*3 Geoffrey*3 Trevor*3 " +
        "Graham*3 Malcolm*3 Norman*3 Eric*3 Gordon*3 Roger*3 Thomas*3 Stephen*3 Philip*3 Stanley*2 Harold*2 Leslie*2 " +
        "Bernard*2 Arthur*2 Albert*2 Clifford*2 Douglas*2 Christopher*2 Edward*2 Frederick*2 Donald*2 Gerald*2 Ernest*2");

    private static readonly WeightedNames Female1960To1989 = new(
        "Sarah*9 Emma*8 Claire*7 Nicola*7 Lisa*7 Joanne*6 Michelle*6 Helen*6 Rachel*6 Karen*6 Julie*6 Louise*6 " +
        "Amanda*5 Tracey*5 Kelly*5 Samantha*5 Gemma*5 Laura*5 Rebecca*5 Donna*4 Dawn*4 Jennifer*4 Victoria*4 Kerry*4 " +
        "Natalie*4 Hayley*4 Deborah*4 Alison*4 Jane*4 Angela*4 Catherine*4 Sharon*4 Leanne*4 Zoe*3 Stacey*3 Lindsey*3 " +
        "Elizabeth*3 Kirsty*3 Lorraine*3 Tina*3 Jacqueline*3 Danielle*3 Katie*3 Charlotte*3 Caroline*3 Melanie*3 Andrea*3 " +
        "Vicky*2 Joanna*2 Anna*2 Wendy*2");

    private static readonly WeightedNames Male1960To1989 = new(
        "David*9 Paul*9 Mark*9 Andrew*8 Michael*7 Christopher*7 James*7 Richard*6 Stephen*6 Matthew*6 Ian*5 Darren*5 " +
        "Lee*5 Gary*5 Jason*5 Daniel*5 John*5 Robert*5 Craig*4 Neil*4 Simon*4 Martin*4 Anthony*4 Peter*4 Wayne*4 " +
        "Stuart*4 Steven*4 Kevin*4 Carl*4 Thomas*4 Adam*4 Dean*3 Scott*3 Jonathan*3 Philip*3 Jamie*3 Ryan*3 Shaun*3 " +
        "Nicholas*3 Gareth*3 Nathan*2 Graham*2 Timothy*2 Russell*2 Damian*2 Alan*2 Kieran*2 Benjamin*2 Karl*2 Jeremy");

    private static readonly WeightedNames FemaleFrom1990 = new(
        "Olivia*8 Amelia*8 Emily*7 Isla*6 Ava*6 Sophie*6 Lily*6 Jessica*6 Grace*5 Mia*5 Poppy*5 Ella*5 Evie*5 " +
        "Charlotte*5 Chloe*5 Hannah*5 Freya*4 Isabella*4 Sophia*4 Lauren*4 Megan*4 Ellie*4 Amy*4 Millie*4 Ruby*4 Molly*4 " +
        "Holly*3 Bethany*3 Jade*3 Courtney*3 Daisy*3 Phoebe*3 Scarlett*3 Rosie*3 Eleanor*3 Willow*3 Florence*3 Ivy*3 " +
        "Elsie*3 Erin*3 Abigail*3 Georgia*3 Alice*3 Harriet*2 Matilda*2 Maya*2 Niamh*2 Aisha*2 Maryam*2 Zara*2 Imogen*2 Layla*2");

    private static readonly WeightedNames MaleFrom1990 = new(
        "Oliver*8 Jack*8 Harry*7 Muhammad*6 George*6 Noah*6 Charlie*6 Thomas*6 Joshua*6 Leo*5 Arthur*5 Oscar*5 Jacob*5 " +
        "James*5 William*5 Alfie*5 Ethan*5 Freddie*4 Theo*4 Henry*4 Archie*4 Samuel*4 Joseph*4 Daniel*4 Lewis*4 Luke*4 " +
        "Dylan*4 Callum*3 Connor*3 Liam*3 Max*3 Logan*3 Mason*3 Harrison*3 Tyler*3 Jake*3 Reece*3 Bradley*3 Owen*3 " +
        "Finley*3 Toby*3 Louis*3 Alexander*3 Benjamin*3 Riley*3 Teddy*3 Kyle*2 Reuben*2 Jayden*2 Albie*2 Rory*2");

    private static readonly WeightedNames SouthAsianFemaleBefore1960 = new(
        "Nasreen*3 Parveen*3 Shamim*2 Zubaida*2 Rashida*2 Khalida*2 Shahida*2 Razia*2 Jamila*2 Hameeda Sakina Bilquis");

    private static readonly WeightedNames SouthAsianMaleBefore1960 = new(
        "Mohammed*5 Abdul*3 Ghulam*2 Bashir*2 Nazir*2 Mohammad*2 Rafiq*2 Sadiq*2 Aslam*2 Akram*2 Yousaf Iqbal");

    private static readonly WeightedNames SouthAsianFemale1960To1989 = new(
        "Shazia*3 Nazia*3 Samina*2 Rukhsana*2 Fozia*2 Tahira*2 Ayesha*3 Sabina*2 Farzana*2 Saima*3 Yasmin*3 Nadia*3 " +
        "Rubina*2 Asma*2 Shabana*2 Salma*2");

    private static readonly WeightedNames SouthAsianMale1960To1989 = new(
        "Mohammed*5 Imran*4 Tariq*3 Asif*3 Zahid*2 Khalid*2 Shahid*2 Kashif*2 Naveed*2 Faisal*3 Adnan*2 Amjad*2 " +
        "Sajid*2 Waseem*2 Arshad*2 Mohammad*2 Zubair*2");

    private static readonly WeightedNames SouthAsianFemaleFrom1990 = new(
        "Aisha*4 Maryam*4 Zara*3 Fatima*4 Hafsa*2 Amina*3 Inaaya*2 Safa*2 Anaya*2 Zainab*3 Hania*2 Alisha*2 Iqra*2 Sana*2 Noor*2 Khadija*2");

    private static readonly WeightedNames SouthAsianMaleFrom1990 = new(
        "Muhammad*8 Mohammed*4 Ibrahim*3 Yusuf*3 Zayn*2 Hamza*3 Ayaan*2 Adam*2 Musa*2 Ali*2 Haris*2 Rayyan*2 Bilal*2 Usman*2 Zain*2 Umar*2");

    private static readonly WeightedNames PolishFemaleBefore1960 = new("Janina*2 Halina*2 Irena*2 Krystyna*2 Danuta Barbara Teresa Zofia");

    private static readonly WeightedNames PolishMaleBefore1960 = new("Stanisław*2 Zbigniew*2 Józef*2 Jan*2 Tadeusz Henryk Kazimierz Jerzy");

    private static readonly WeightedNames PolishFemale1960To1989 = new(
        "Anna*4 Katarzyna*4 Agnieszka*3 Magdalena*3 Joanna*3 Małgorzata*2 Monika*3 Ewa*2 Justyna*2 Karolina*2 Aleksandra*2 Marta*2");

    private static readonly WeightedNames PolishMale1960To1989 = new(
        "Piotr*4 Tomasz*4 Krzysztof*3 Paweł*3 Marcin*3 Michał*3 Łukasz*3 Marek*2 Andrzej*2 Grzegorz*2 Jakub*2 Dariusz*2");

    private static readonly WeightedNames PolishFemaleFrom1990 = new("Zuzanna*3 Julia*3 Lena*3 Maja*3 Hanna*2 Zofia*2 Amelia*2 Oliwia*2 Natalia*2 Wiktoria*2");

    private static readonly WeightedNames PolishMaleFrom1990 = new("Jakub*3 Antoni*3 Szymon*2 Jan*2 Filip*2 Franciszek*2 Kacper*2 Mikołaj*2 Wojciech Oliver*2");

    private static readonly WeightedNames CaribbeanFemaleBefore1960 = new("Hyacinth*2 Gloria*2 Pearl*2 Merle Hortense Icilda Claudette Myrtle");

    private static readonly WeightedNames CaribbeanMaleBefore1960 = new("Winston*3 Delroy*2 Errol*2 Lloyd*2 Clinton Carlton Neville Desmond");

    private static readonly WeightedNames CaribbeanFemale1960To1989 = new("Marcia*2 Sonia*2 Donna*2 Paulette Beverley Jacqueline Natasha");

    private static readonly WeightedNames CaribbeanMale1960To1989 = new("Leon*2 Marlon*2 Jermaine*2 Tyrone Dwayne Clive Andre");

    private static readonly WeightedNames EnglishSurnames = new(
        "Smith*30 Taylor*14 Brown*12 Jones*10 Wilson*9 Walker*9 Johnson*8 Robinson*8 Wright*8 Thompson*8 Hall*7 Wood*7 " +
        "Jackson*7 Green*6 White*6 Clarke*6 Turner*6 Hill*6 Roberts*6 Hughes*5 Harris*5 Cooper*5 Ward*5 King*5 Harrison*5 " +
        "Shaw*5 Baker*4 Morris*4 Holmes*4 Lewis*4 Martin*4 Moore*4 Allen*4 Young*4 Mitchell*4 Parker*4 Atkinson*4 " +
        "Wilkinson*4 Lee*4 Booth*3 Sutcliffe*3 Greenwood*3 Hirst*3 Hargreaves*3 Stephenson*3 Dixon*3 Fletcher*3 Bailey*3 " +
        "Webster*3 Chapman*3 Bennett*3 Simpson*3 Marshall*3 Riley*3 Pearson*3 Dawson*3 Sykes*3 Barker*3 Bentley*2 Haigh*2 " +
        "Brooke*2 Ackroyd*2 Lister*2 Firth*2 Crowther*2 Barraclough*2 Butterworth*2 Ramsden*2 Whiteley*2 Hepworth*2 " +
        "Dyson*2 Marsden*2 Priestley*2 Nuttall*2 Ashworth*2 Holroyd*2 Lord*2 Kershaw*2 Bradley*2 Cartwright*2 Hudson*2 " +
        "Sharp*2 Armitage*2 Heaton*2 Metcalfe*2 Pickles Storey Tattersall Entwistle Hardcastle Oldroyd Haworth Brearley");

    private static readonly WeightedNames WelshSurnames = new(
        "Jones*8 Williams*8 Davies*7 Evans*4 Thomas*4 Roberts*3 Hughes*3 Lewis*3 Morgan*3 Griffiths*3 Owen*2 Price*2 " +
        "Lloyd*2 Jenkins*2 Powell*2 Rees*2 Pritchard Vaughan");

    private static readonly WeightedNames ScottishSurnames = new(
        "Campbell*4 Stewart*3 Anderson*3 Scott*3 Murray*3 MacDonald*3 Reid*2 Ross*2 Paterson*2 Robertson*3 Fraser*2 " +
        "McKenzie*2 Cameron*2 Grant*2 Hamilton*2 Graham*2 Kerr*2 Duncan*2 Johnstone Ferguson*2 Sinclair");

    private static readonly WeightedNames IrishSurnames = new(
        "Murphy*4 Kelly*4 Walsh*3 O'Brien*3 Ryan*3 Byrne*3 O'Connor*2 Doyle*2 McCarthy*2 Gallagher*2 Brennan*2 Quinn*2 " +
        "Doherty*2 Kennedy*2 Lynch*2 Flynn*2 Nolan*2 O'Neill*2 Donnelly Regan Connolly");

    private static readonly WeightedNames SouthAsianSurnames = new(
        "Khan*12 Hussain*10 Ahmed*8 Ali*8 Shah*5 Mahmood*4 Iqbal*4 Akhtar*4 Malik*4 Patel*4 Rashid*3 Butt*3 Chaudhry*3 " +
        "Uddin*3 Miah*3 Rahman*3 Bashir*2 Riaz*2 Sadiq*2 Javed*2 Anwar*2 Nawaz*2 Saleem*2 Raja*2 Qureshi*2 Aziz*2 Hassan*2 Mirza");

    private static readonly WeightedNames PolishSurnames = new(
        "Nowak*4 Wójcik*3 Kowalczyk*3 Woźniak*3 Mazur*2 Krawczyk*2 Kaczmarek*2 Zając*2 Król*2 Wieczorek*2 Pawlak*2 " +
        "Michalak Walczak Sikora Baran Duda Szewczyk Adamczyk Dudek Wróbel");

    private static readonly WeightedNames CaribbeanSurnames = new(
        "Campbell*3 Brown*4 Williams*3 Thompson*3 Clarke*2 Grant*2 Gayle*2 Bailey*2 McKenzie*2 Francis*2 Reid*2 Henry*2 " +
        "Lewis*2 Morgan*2 Blake*2 Richards*2 Edwards*2 Samuels Forbes Powell");

    // Rough mix of a northern English mill town; the demo's own estimate, not census figures.
    private static readonly (NameOrigin Origin, int Weight)[] Origins =
    [
        (NameOrigin.English, 68),
        (NameOrigin.Welsh, 4),
        (NameOrigin.Scottish, 5),
        (NameOrigin.Irish, 6),
        (NameOrigin.SouthAsian, 12),
        (NameOrigin.Polish, 3),
        (NameOrigin.Caribbean, 2),
    ];

    private static readonly int OriginTotal = Origins.Sum(o => o.Weight);

    /// <summary>Every first name the demo gives to women and girls.</summary>
    internal static IReadOnlySet<string> FemaleGivenNames { get; } = AllNames(
        FemaleBefore1960, Female1960To1989, FemaleFrom1990, SouthAsianFemaleBefore1960, SouthAsianFemale1960To1989,
        SouthAsianFemaleFrom1990, PolishFemaleBefore1960, PolishFemale1960To1989, PolishFemaleFrom1990,
        CaribbeanFemaleBefore1960, CaribbeanFemale1960To1989).Concat(NorthfieldFlow.StoryFemaleNames).ToHashSet(StringComparer.Ordinal);

    /// <summary>Every first name the demo gives to men and boys.</summary>
    internal static IReadOnlySet<string> MaleGivenNames { get; } = AllNames(
        MaleBefore1960, Male1960To1989, MaleFrom1990, SouthAsianMaleBefore1960, SouthAsianMale1960To1989,
        SouthAsianMaleFrom1990, PolishMaleBefore1960, PolishMale1960To1989, PolishMaleFrom1990,
        CaribbeanMaleBefore1960, CaribbeanMale1960To1989).Concat(NorthfieldFlow.StoryMaleNames).ToHashSet(StringComparer.Ordinal);

    /// <summary>A family's origin, drawn from the town's mix.</summary>
    internal static NameOrigin Origin(Random random)
    {
        var roll = random.Next(OriginTotal);
        foreach (var (origin, weight) in Origins)
        {
            if (roll < weight)
            {
                return origin;
            }
            roll -= weight;
        }
        return NameOrigin.English;
    }

    /// <summary>A surname for a family of the given origin.</summary>
    internal static string FamilyName(Random random, NameOrigin origin) => origin switch
    {
        NameOrigin.Welsh => WelshSurnames.Pick(random),
        NameOrigin.Scottish => ScottishSurnames.Pick(random),
        NameOrigin.Irish => IrishSurnames.Pick(random),
        NameOrigin.SouthAsian => SouthAsianSurnames.Pick(random),
        NameOrigin.Polish => PolishSurnames.Pick(random),
        NameOrigin.Caribbean => CaribbeanSurnames.Pick(random),
        _ => EnglishSurnames.Pick(random),
    };

    /// <summary>A first name for someone of the given sex born in the given year, in a family of the given origin.</summary>
    internal static string GivenName(Random random, NameOrigin origin, bool female, int birthYear)
    {
        var generation = birthYear < 1960 ? 0 : birthYear < 1990 ? 1 : 2;
        // Families of every origin also choose the names common around them, more so in younger generations.
        var (ownList, share) = (origin, generation) switch
        {
            (NameOrigin.SouthAsian, 0) => (female ? SouthAsianFemaleBefore1960 : SouthAsianMaleBefore1960, 95),
            (NameOrigin.SouthAsian, 1) => (female ? SouthAsianFemale1960To1989 : SouthAsianMale1960To1989, 90),
            (NameOrigin.SouthAsian, _) => (female ? SouthAsianFemaleFrom1990 : SouthAsianMaleFrom1990, 85),
            (NameOrigin.Polish, 0) => (female ? PolishFemaleBefore1960 : PolishMaleBefore1960, 80),
            (NameOrigin.Polish, 1) => (female ? PolishFemale1960To1989 : PolishMale1960To1989, 90),
            (NameOrigin.Polish, _) => (female ? PolishFemaleFrom1990 : PolishMaleFrom1990, 60),
            (NameOrigin.Caribbean, 0) => (female ? CaribbeanFemaleBefore1960 : CaribbeanMaleBefore1960, 60),
            (NameOrigin.Caribbean, 1) => (female ? CaribbeanFemale1960To1989 : CaribbeanMale1960To1989, 30),
            _ => ((WeightedNames?)null, 0),
        };
        if (ownList is not null && random.Next(100) < share)
        {
            return ownList.Pick(random);
        }
        var common = (generation, female) switch
        {
            (0, true) => FemaleBefore1960,
            (0, false) => MaleBefore1960,
            (1, true) => Female1960To1989,
            (1, false) => Male1960To1989,
            (_, true) => FemaleFrom1990,
            _ => MaleFrom1990,
        };
        return common.Pick(random);
    }

    private static HashSet<string> AllNames(params WeightedNames[] lists) =>
        lists.SelectMany(l => l.Names).ToHashSet(StringComparer.Ordinal);

    /// <summary>Names with weights, picked by a cumulative-weight search.</summary>
    private sealed class WeightedNames
    {
        private readonly string[] _names;
        private readonly int[] _cumulative;

        public WeightedNames(string spec)
        {
            var tokens = spec.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            _names = new string[tokens.Length];
            _cumulative = new int[tokens.Length];
            var total = 0;
            for (var i = 0; i < tokens.Length; i++)
            {
                var star = tokens[i].IndexOf('*', StringComparison.Ordinal);
                _names[i] = star < 0 ? tokens[i] : tokens[i][..star];
                total += star < 0 ? 1 : int.Parse(tokens[i].AsSpan(star + 1), System.Globalization.CultureInfo.InvariantCulture);
                _cumulative[i] = total;
            }
        }

        public IEnumerable<string> Names => _names;

        public string Pick(Random random)
        {
            var roll = random.Next(_cumulative[^1]);
            var index = Array.BinarySearch(_cumulative, roll + 1);
            return _names[index >= 0 ? index : ~index];
        }
    }
}
