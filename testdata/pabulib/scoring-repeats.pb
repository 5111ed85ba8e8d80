META
key;value
description;"Made-up election for the tests; ""scoring"" ballots"
country;Nowhere
unit;Millbrook
instance;2026
num_projects;8
num_votes;29
budget;150000
vote_type;scoring
rule;greedy
currency;GBP
min_points;0
max_points;4
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
voter_id;vote;points;age
v001;3,4,5,3;4,1,2,0;44
v002;1,3,6,5;0,0,1,2;47
v003;5,3,6;1,0,2;19
v004;1,6,4,1;2,3,0,1;20
v005;1,6,4,5,3;0,0,3,0,1;75
v006;8,3,4,2,6;2,2,4,0,2;30
v007;3,2,3;4,0,3;80
v008;5,8,1,3,4;0,0,0,1,2;63
v009;3,1,5,2;0,2,2,2;49
v010;7,4,1,5,3,5;1,4,1,2,4,3;88
v011;5,4,7,6;3,0,0,3;43
v012;7,2,5,1,4;2,1,2,2,2;30
v013;3,5,6,2,1,5;1,3,1,2,2,1;65
v014;4,3,1,5;4,3,3,1;24
v015;2,6;2,4;87
v016;2,5,5;3,1,4;38
v017;4,1,7,5;3,1,4,2;40
v018;1,6,8,5,3;0,4,2,2,0;90
v019;3,5,3;3,2,0;89
v020;1,5,4,7;2,0,2,1;46
v021;3,1,7,5;1,3,2,3;82
v022;1,4,2,7,1;4,0,0,2,1;36
v023;7,3,1,5,4;3,3,4,4,2;25
v024;4,2,1,7;1,2,2,2;34
v025;7,5,7;1,2,4;20
v026;4,6,3,5,2;0,4,2,1,0;77
v027;1,7,6;0,2,4;58
v028;6,3,3;2,3,1;67
v029;2,3;3,2;88
