META
key;value
description;"Made-up election for the tests; ""approval"" ballots"
country;Nowhere
unit;Millbrook
instance;2026
num_projects;8
num_votes;41
budget;150000
vote_type;approval
rule;greedy
currency;GBP
min_length;1
max_length;4
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
v001;1,2,3,6,1;83
v002;3,5;58
v003;3;25
v004;1,3,5,5;17
v005;1,4,5,7;50
v006;4,5;41
v007;8,8;49
v008;3,5;44
v009;1,6;22
v010;2,3,4,5,5;16
v011;1,6;81
v012;2,6,7;31
v013;5,5;28
v014;4,7,8;33
v015;4;90
v016;1,6,6;42
v017;1,2,3,5;39
v018;3;81
v019;2,3,6,8,2;25
v020;4;64
v021;3,4,5;70
v022;3,6,7,6;57
v023;1,2,5,6;55
v024;1,5;18
v025;3,4,4;25
v026;1,4,6,7;36
v027;6;45
v028;3,4,5,4,8;27
v029;5;44
v030;1,5,7;73
v031;2,2,5,7,8;25
v032;1,5,7;44
v033;1,3,5;89
v034;5,5;88
v035;1,3,4,5;41
v036;4;24
v037;1,1;26
v038;1,2,6;35
v039;3,4,5;75
v040;2,3,5,6,6;61
v041;7;56
