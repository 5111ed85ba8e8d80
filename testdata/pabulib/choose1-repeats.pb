META
key;value
description;"Made-up election for the tests; ""choose-1"" ballots"
country;Nowhere
unit;Millbrook
instance;2026
num_projects;8
num_votes;23
budget;150000
vote_type;choose-1
rule;greedy
currency;GBP
PROJECTS
project_id;cost;name;subunit
1;40000;"Benches; shade and water on the Green";North
2;25000;"The ""Friday"" youth club";North
3;60000;Safe crossing at Mill Lane;South
4;15000;Community fridge;South
5;80000;"Playground renewal,
phase one";North
6;10000;Bike repair stand;South
7;35000;Trees for Canal Street;South
8;5000;Noticeboards in three languages;North
VOTES
voter_id;vote;age
v001;1,1;64
v002;4;47
v003;5;52
v004;5,5;54
v005;6;74
v006;7;29
v007;2,2;17
v008;1;61
v009;1;37
v010;4,4;46
v011;5;67
v012;7;67
v013;3,3;28
v014;1;74
v015;2;52
v016;5,5;64
v017;1;63
v018;5;71
v019;1,1;41
v020;5;41
v021;4;90
v022;1,1;84
v023;5;35
