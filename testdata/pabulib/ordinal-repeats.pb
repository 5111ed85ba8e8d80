META
key;value
description;"Made-up election for the tests; ""ordinal"" ballots"
country;Nowhere
unit;Millbrook
instance;2026
num_projects;8
num_votes;33
budget;150000
vote_type;ordinal
rule;greedy
currency;GBP
max_length;3
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
v001;2,1,7,2;26
v002;3,5;47
v003;4,5,7;76
v004;2,5,3,2;72
v005;3,6,1;31
v006;3;19
v007;7,2,7;30
v008;3;69
v009;4,5;38
v010;5,5;73
v011;1,2;22
v012;5,3,1;20
v013;4,7,4;75
v014;3,5;34
v015;3;43
v016;3,1,6,3;60
v017;4;42
v018;4,5;26
v019;5,1,7,5;61
v020;5;43
v021;6,2,4;70
v022;4,7,5,4;86
v023;3,1;51
v024;5,6;16
v025;3,4,7,3;59
v026;3;52
v027;4,1,7;22
v028;5,3,7,5;51
v029;5;68
v030;4,7;38
v031;8,7,8;64
v032;5;85
v033;1,5;60
