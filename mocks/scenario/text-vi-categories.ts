/**
 * Vietnamese wording per category, grouped into cases so a title, its description and the unit's reply talk
 * about the same thing. Placeholders: {spot} "số 12 Lê Lợi", {road} a street, {agency} the unit's name,
 * {n} a small count, {days} a number of days, {hour} an hour of the day.
 */
export interface CaseTexts {
  titles: readonly string[];
  descriptions: readonly string[];
  results: readonly string[];
}

export const CATEGORY_CASES: Readonly<Record<string, readonly CaseTexts[]>> = {
  'trat-tu-xay-dung': [
    {
      titles: ['Xây dựng không phép tại {spot}', 'Đề nghị kiểm tra công trình xây dựng trái phép tại {spot}'],
      descriptions: [
        'Hộ gia đình đang xây nhà {n} tầng nhưng không treo biển báo công trình, nghi không có giấy phép xây dựng.',
        'Công trình xây dựng nằm trong vùng bảo vệ di tích, không thấy giấy phép, đề nghị cơ quan chức năng xem xét.',
      ],
      results: [
        '{agency} đã phối hợp với Đội Quản lý trật tự đô thị kiểm tra hiện trường, lập biên bản vi phạm hành chính và yêu cầu chủ công trình tạm dừng thi công.',
        'Qua kiểm tra, công trình đã được cấp giấy phép xây dựng. {agency} đã nhắc nhở chủ đầu tư treo biển báo công trình theo quy định.',
      ],
    },
    {
      titles: ['Công trình xây dựng sai phép, lấn ra hành lang đường tại {spot}', 'Cơi nới, lấn chiếm đất công tại {spot}'],
      descriptions: [
        'Chủ nhà làm mái che, cơi nới lấn ra vỉa hè khoảng {n} m, ảnh hưởng mỹ quan đô thị.',
        'Một số hộ tự ý rào chắn, xây tường bao lấn chiếm phần đất công cạnh mương thoát nước.',
      ],
      results: [
        '{agency} đã xử phạt vi phạm hành chính và buộc chủ công trình tháo dỡ phần xây dựng sai phép, khôi phục lại tình trạng ban đầu.',
        '{agency} đã lập biên bản, yêu cầu các hộ tự tháo dỡ tường rào lấn chiếm; đến nay đã tháo dỡ xong.',
      ],
    },
    {
      titles: ['Tập kết vật liệu xây dựng trái phép tại {spot}'],
      descriptions: ['Công trình thi công cả ban đêm, cát đá đổ tràn ra lòng đường gây mất an toàn cho người đi đường.'],
      results: ['{agency} đã làm việc với chủ công trình, yêu cầu di dời toàn bộ vật liệu tập kết trên vỉa hè, lòng đường. Đến nay mặt đường đã thông thoáng.'],
    },
    {
      titles: ['Thi công làm nứt tường nhà liền kề tại {spot}'],
      descriptions: ['Việc đào móng làm nứt tường nhà tôi, đã trao đổi với chủ công trình nhưng không được giải quyết.'],
      results: ['{agency} đã tổ chức buổi làm việc giữa hai bên; chủ công trình cam kết gia cố và sửa chữa phần tường bị nứt cho hộ liền kề.'],
    },
  ],
  've-sinh-moi-truong': [
    {
      titles: ['Rác thải tồn đọng nhiều ngày tại {spot}', 'Đề nghị thu gom rác thải sinh hoạt tại {spot}', 'Thùng rác đầy, bốc mùi hôi thối tại {spot}'],
      descriptions: [
        'Rác thải sinh hoạt tồn đọng {days} ngày chưa được thu gom, bốc mùi hôi thối, ảnh hưởng đến sinh hoạt của người dân xung quanh.',
        'Điểm tập kết rác không được dọn dẹp, rác tràn ra đường, ruồi nhặng bu đầy.',
      ],
      results: [
        '{agency} đã bố trí công nhân thu gom toàn bộ rác thải tồn đọng, phun chế phẩm khử mùi và tăng tần suất thu gom tại khu vực.',
        '{agency} đã thu gom, đồng thời phối hợp với tổ dân phố nhắc nhở người dân bỏ rác đúng giờ, đúng nơi quy định.',
      ],
    },
    {
      titles: ['Đổ trộm rác thải, phế thải xây dựng tại {spot}'],
      descriptions: [
        'Có người đổ trộm xà bần, phế thải xây dựng vào ban đêm, lấn ra cả lòng đường.',
        'Khu đất trống bị biến thành bãi rác tự phát, đề nghị xử lý và có biện pháp ngăn chặn.',
      ],
      results: [
        'Đã dọn dẹp phế thải xây dựng. Qua xác minh đã xác định được đối tượng đổ trộm, {agency} đã lập biên bản xử phạt theo quy định.',
        '{agency} đã dọn dẹp, lắp biển cấm đổ rác và camera giám sát tại khu vực.',
      ],
    },
    {
      titles: ['Xác động vật chết gây ô nhiễm tại {spot}'],
      descriptions: ['Xác động vật chết nằm ven đường đã {days} ngày, bốc mùi rất nặng.'],
      results: ['{agency} đã thu gom, xử lý và khử trùng khu vực.'],
    },
    {
      titles: ['Đốt rác gây khói bụi tại {spot}'],
      descriptions: ['Người dân thường xuyên đốt rác vào buổi chiều, khói bay vào nhà, trẻ nhỏ bị ho.'],
      results: ['{agency} đã nhắc nhở, yêu cầu các hộ không đốt rác và chuyển rác đến điểm tập kết theo quy định.'],
    },
  ],
  'chieu-sang-cong-cong': [
    {
      titles: ['Đèn đường không sáng đoạn {road}', 'Hệ thống chiếu sáng hư hỏng tại {spot}'],
      descriptions: ['Khoảng {n} bóng đèn đường không sáng đã {days} ngày, buổi tối rất tối, gây mất an toàn giao thông và an ninh trật tự.'],
      results: ['{agency} đã cử tổ công tác kiểm tra, thay thế {n} bóng đèn hư hỏng. Hệ thống chiếu sáng đã hoạt động bình thường.'],
    },
    {
      titles: ['Tủ điện chiếu sáng bị hở, nguy hiểm tại {spot}'],
      descriptions: ['Tủ điện chiếu sáng bị hở cửa, dây điện thả lơ lửng, nguy hiểm cho trẻ em.'],
      results: ['{agency} đã sửa chữa, khóa lại tủ điện và bó gọn dây dẫn.'],
    },
    {
      titles: ['Cột đèn chiếu sáng nghiêng, có nguy cơ đổ tại {spot}'],
      descriptions: ['Cột đèn bị xe va chạm nên nghiêng hẳn sang một bên.'],
      results: ['{agency} đã dựng lại cột đèn và gia cố móng.'],
    },
    {
      titles: ['Đèn đường sáng cả ban ngày tại {spot}'],
      descriptions: ['Đèn đường bật sáng cả ngày gây lãng phí điện.'],
      results: ['{agency} đã thay bộ điều khiển thời gian; đèn đã hoạt động đúng giờ quy định.'],
    },
    {
      titles: ['Đề nghị lắp đặt đèn chiếu sáng tại {spot}'],
      descriptions: ['Kiệt dài, đông dân nhưng chưa có đèn chiếu sáng, người dân đi lại buổi tối khó khăn.'],
      results: ['Khu vực đã được đưa vào kế hoạch đầu tư chiếu sáng trong năm; trước mắt {agency} đã lắp tạm {n} bộ đèn.'],
    },
  ],
  'ha-tang-giao-thong': [
    {
      titles: ['Mặt đường hư hỏng, nhiều ổ gà trên đường {road}', 'Đường sụt lún sau khi thi công đường ống tại {spot}'],
      descriptions: [
        'Mặt đường có nhiều ổ gà lớn, trời mưa đọng nước, đã có người đi xe máy bị té ngã.',
        'Đơn vị thi công đường ống hoàn trả mặt đường không đạt, nay đã sụt lún thành hố sâu.',
      ],
      results: [
        '{agency} đã vá ổ gà, thảm lại mặt đường đoạn hư hỏng; giao thông đã đi lại bình thường.',
        '{agency} đã yêu cầu đơn vị thi công hoàn trả mặt đường theo đúng cam kết; việc hoàn trả đã xong.',
      ],
    },
    {
      titles: ['Hố ga mất nắp, nguy hiểm cho người đi đường tại {spot}'],
      descriptions: ['Nắp hố ga bị mất, chỉ được che tạm bằng cành cây, rất nguy hiểm vào ban đêm.'],
      results: ['{agency} đã thay nắp hố ga mới và đặt biển cảnh báo trong thời gian thi công.'],
    },
    {
      titles: ['Đèn tín hiệu giao thông không hoạt động tại {spot}', 'Biển báo giao thông bị che khuất tại {spot}'],
      descriptions: ['Đèn tín hiệu tại nút giao tắt từ sáng, xe cộ đi lại lộn xộn.', 'Biển báo bị cành cây và bảng quảng cáo che khuất, lái xe không nhìn thấy.'],
      results: ['{agency} đã khắc phục sự cố đèn tín hiệu do hỏng bộ điều khiển.', '{agency} đã phát quang, di dời bảng quảng cáo che khuất biển báo.'],
    },
    {
      titles: ['Vỉa hè bong tróc, gạch lát vỡ tại {spot}'],
      descriptions: ['Gạch lát vỉa hè bong tróc nhiều đoạn, người đi bộ phải đi xuống lòng đường.'],
      results: ['{agency} đã tổ chức lát lại vỉa hè đoạn bị hư hỏng.'],
    },
  ],
  'lan-chiem-via-he': [
    {
      titles: ['Đề nghị xử lý tình trạng lấn chiếm vỉa hè tại {spot}', 'Buôn bán lấn chiếm lòng đường tại {spot}'],
      descriptions: [
        'Các hộ kinh doanh bày hàng hóa kín vỉa hè, người đi bộ phải xuống lòng đường, tiềm ẩn nguy cơ tai nạn.',
        'Tình trạng họp chợ tự phát dưới lòng đường vào buổi sáng gây ùn tắc giao thông.',
      ],
      results: [
        'Tổ kiểm tra quy tắc đô thị đã ra quân nhắc nhở, lập biên bản {n} trường hợp vi phạm và tạm giữ tang vật theo quy định.',
        '{agency} đã yêu cầu các hộ kinh doanh ký cam kết không tái phạm và sẽ tiếp tục tăng cường kiểm tra.',
      ],
    },
    {
      titles: ['Quán ăn bày bàn ghế kín vỉa hè trên đường {road}'],
      descriptions: ['Quán nhậu kê bàn ghế ra tận lòng đường từ chiều đến khuya.'],
      results: ['{agency} đã phối hợp với Công an phường giải tỏa, trả lại vỉa hè thông thoáng và lập biên bản chủ quán.'],
    },
    {
      titles: ['Ô tô đậu đỗ trên vỉa hè tại {spot}', 'Trông giữ xe trái phép trên vỉa hè tại {spot}'],
      descriptions: ['Nhiều ô tô đậu trên vỉa hè, làm vỡ gạch lát, người đi bộ không có lối đi.'],
      results: ['{agency} đã phối hợp với lực lượng Cảnh sát giao thông xử lý các phương tiện đậu đỗ sai quy định.'],
    },
  ],
  'cay-xanh': [
    {
      titles: ['Cây xanh có nguy cơ gãy đổ tại {spot}', 'Cành cây khô gãy rơi xuống đường tại {spot}'],
      descriptions: ['Cây lớn bị mục gốc, nghiêng hẳn ra đường, mùa mưa bão rất nguy hiểm.', 'Nhiều cành khô trên cao, gió lớn là gãy rơi xuống đường.'],
      results: [
        '{agency} đã cắt tỉa, hạ cành khô và chằng chống cây.',
        'Qua kiểm tra, cây phát triển bình thường, không có nguy cơ gãy đổ; {agency} sẽ tiếp tục theo dõi trong mùa mưa bão.',
      ],
    },
    {
      titles: ['Cây đổ chắn ngang đường {road}'],
      descriptions: ['Sau trận mưa lớn, cây đổ chắn ngang đường, các phương tiện không lưu thông được.'],
      results: ['{agency} đã cưa cắt, dọn dẹp cây đổ, giải phóng mặt đường ngay trong ngày.'],
    },
    {
      titles: ['Đề nghị cắt tỉa cây xanh vướng đường dây điện tại {spot}'],
      descriptions: ['Tán cây phủ kín đường dây điện, khi có gió thường gây chập điện.'],
      results: ['{agency} đã phối hợp với Điện lực cắt tỉa tán cây, đảm bảo hành lang an toàn lưới điện.'],
    },
    {
      titles: ['Chặt phá cây xanh trái phép tại {spot}'],
      descriptions: ['Có người tự ý chặt hạ cây xanh trên vỉa hè để mở rộng quán.'],
      results: ['{agency} đã lập biên bản hộ chặt cây trái phép và yêu cầu trồng lại cây thay thế.'],
    },
  ],
  'cap-nuoc': [
    {
      titles: ['Vỡ đường ống nước tại {spot}'],
      descriptions: ['Đường ống cấp nước bị vỡ, nước chảy lênh láng ra đường từ sáng.'],
      results: ['{agency} đã sửa chữa đoạn ống bị vỡ và hoàn trả mặt bằng; nước đã được cấp lại bình thường.'],
    },
    {
      titles: ['Mất nước sinh hoạt nhiều ngày tại {spot}', 'Nước yếu, không lên được tầng 2 tại {spot}'],
      descriptions: ['Khu vực bị mất nước {days} ngày nay mà không có thông báo trước.', 'Áp lực nước rất yếu vào giờ cao điểm buổi sáng và buổi chiều.'],
      results: [
        'Nguyên nhân do thi công đấu nối tuyến ống mới; {agency} đã hoàn thành và cấp nước trở lại.',
        '{agency} đã điều chỉnh áp lực mạng lưới cho khu vực.',
      ],
    },
    {
      titles: ['Nước máy có màu đục, mùi lạ tại {spot}'],
      descriptions: ['Nước máy có màu vàng đục, có cặn, người dân không dám sử dụng.'],
      results: ['{agency} đã súc xả đường ống, lấy mẫu kiểm tra; chất lượng nước đạt quy chuẩn.'],
    },
  ],
  'thoat-nuoc-ngap-ung': [
    {
      titles: ['Ngập úng cục bộ sau mưa tại {spot}', 'Nước ngập sâu, nhiều phương tiện chết máy trên đường {road}'],
      descriptions: ['Chỉ cần mưa khoảng 30 phút là nước ngập đến nửa bánh xe, nước rút rất chậm.'],
      results: [
        'Nguyên nhân do mưa lớn vượt khả năng tiêu thoát; {agency} đã bố trí máy bơm và công nhân trực tại điểm ngập.',
        '{agency} đã nạo vét, khơi thông cống thoát nước; khu vực đã hết ngập.',
      ],
    },
    {
      titles: ['Cống thoát nước bị tắc, nước thải tràn ra đường tại {spot}', 'Mương thoát nước bốc mùi hôi tại {spot}'],
      descriptions: [
        'Cống bị rác bít kín, nước thải sinh hoạt tràn lên mặt đường, mùi hôi nồng nặc.',
        'Mương thoát nước lâu ngày không được nạo vét, bùn đất bồi lắng, muỗi nhiều.',
      ],
      results: ['{agency} đã nạo vét, khơi thông cống thoát nước.', '{agency} đã nạo vét mương và phun thuốc diệt muỗi.'],
    },
    {
      titles: ['Nắp cống bị vỡ tại {spot}'],
      descriptions: ['Nắp cống bị vỡ một góc, xe máy đi qua rất dễ sụp bánh.'],
      results: ['{agency} đã thay nắp cống mới và vệ sinh hố ga.'],
    },
  ],
  'tieng-on': [
    {
      titles: ['Hát karaoke gây ồn ào đến khuya tại {spot}', 'Loa kẹo kéo mở lớn gây ồn ào tại {spot}'],
      descriptions: ['Hộ dân hát karaoke với âm lượng lớn đến hơn 23 giờ, ảnh hưởng đến giấc ngủ của người già và trẻ nhỏ.'],
      results: ['{agency} đã kiểm tra, nhắc nhở và yêu cầu hộ gia đình ký cam kết không gây ồn sau 22 giờ.'],
    },
    {
      titles: ['Cơ sở sản xuất gây tiếng ồn lớn tại {spot}'],
      descriptions: ['Xưởng cơ khí hoạt động liên tục từ sáng đến tối, tiếng ồn rất lớn.'],
      results: ['{agency} đã đo kiểm, lập biên bản xử phạt vi phạm hành chính về hành vi gây tiếng ồn vượt quy chuẩn.'],
    },
    {
      titles: ['Thi công ban đêm gây ồn tại {spot}'],
      descriptions: ['Công trình đổ bê tông suốt đêm, người dân xung quanh không ngủ được.'],
      results: ['{agency} đã yêu cầu chủ đầu tư điều chỉnh thời gian thi công, không thi công từ 22 giờ đến 6 giờ sáng.'],
    },
  ],
  'an-ninh-trat-tu': [
    {
      titles: ['Thanh thiếu niên tụ tập gây mất trật tự tại {spot}', 'Đua xe, nẹt pô trên đường {road}'],
      descriptions: ['Thường xuyên có nhóm thanh niên tụ tập uống rượu, gây gổ vào ban đêm.', 'Nhóm thanh niên chạy xe tốc độ cao, nẹt pô vào khoảng 23 giờ hằng đêm.'],
      results: [
        '{agency} đã tăng cường tuần tra, kiểm soát, giải tán các nhóm tụ tập và mời gia đình đến làm việc.',
        '{agency} đã phối hợp với lực lượng Cảnh sát giao thông lập chốt kiểm soát vào khung giờ được phản ánh.',
      ],
    },
    {
      titles: ['Dán quảng cáo cho vay nặng lãi tại {spot}'],
      descriptions: ['Quảng cáo cho vay tiền dán khắp cột điện, tường nhà.'],
      results: ['{agency} đã bóc xóa quảng cáo trái phép và xác minh các số điện thoại để xử lý theo quy định.'],
    },
    {
      titles: ['Trộm cắp tài sản xảy ra nhiều lần tại {spot}'],
      descriptions: ['Trong tháng đã có {n} vụ mất trộm xe máy trong khu vực.'],
      results: ['{agency} đã tiếp nhận, điều tra; đề nghị người dân nâng cao cảnh giác, trang bị khóa chống trộm.'],
    },
    {
      titles: ['Đeo bám, chèo kéo du khách tại {spot}'],
      descriptions: ['Nhiều người bán hàng rong đeo bám, chèo kéo du khách, gây phản cảm.'],
      results: ['{agency} đã bố trí lực lượng thường trực, nhắc nhở và xử lý các trường hợp đeo bám du khách.'],
    },
  ],
  'an-toan-thuc-pham': [
    {
      titles: ['Cơ sở kinh doanh thực phẩm không đảm bảo vệ sinh tại {spot}', 'Giết mổ gia súc không đảm bảo vệ sinh tại {spot}'],
      descriptions: ['Quán ăn sơ chế thức ăn ngay trên nền đất, cạnh cống nước thải.', 'Lò mổ hoạt động ban đêm, nước thải chảy thẳng ra mương.'],
      results: [
        'Đoàn kiểm tra liên ngành đã kiểm tra, lấy mẫu thực phẩm, xử phạt cơ sở vi phạm và yêu cầu khắc phục.',
        'Kết quả xét nghiệm mẫu thực phẩm đạt yêu cầu; {agency} đã nhắc nhở cơ sở đảm bảo điều kiện vệ sinh.',
      ],
    },
    {
      titles: ['Bán thực phẩm không rõ nguồn gốc tại {spot}'],
      descriptions: ['Nhiều người bán hàng rong bán thực phẩm không nhãn mác cho học sinh trước cổng trường.'],
      results: ['{agency} đã tịch thu, tiêu hủy số thực phẩm không rõ nguồn gốc.'],
    },
    {
      titles: ['Nghi ngộ độc sau khi ăn tại quán ở {spot}'],
      descriptions: ['Gia đình tôi có {n} người bị đau bụng sau khi ăn tại quán.'],
      results: ['{agency} đã lấy mẫu thực phẩm, tạm đình chỉ hoạt động của quán trong thời gian chờ kết quả xét nghiệm.'],
    },
  ],
  'dien-luc': [
    {
      titles: ['Mất điện kéo dài tại {spot}'],
      descriptions: ['Khu vực mất điện từ {hour} giờ đến nay chưa có điện trở lại, không nhận được thông báo cắt điện.'],
      results: ['{agency} đã cử tổ thao tác khắc phục sự cố, cấp điện trở lại lúc {hour} giờ cùng ngày.'],
    },
    {
      titles: ['Dây điện võng thấp, nguy hiểm tại {spot}'],
      descriptions: ['Dây điện võng thấp sát đầu người đi đường, xe tải đi qua rất nguy hiểm.'],
      results: ['{agency} đã căng chỉnh lại dây, nâng độ cao đường dây đảm bảo an toàn.'],
    },
    {
      titles: ['Trụ điện nghiêng, có nguy cơ đổ tại {spot}'],
      descriptions: ['Trụ điện bị nghiêng sau đợt mưa lớn, chân trụ bị xói lở.'],
      results: ['{agency} đã thay trụ mới và kiểm tra toàn tuyến.'],
    },
    {
      titles: ['Điện chập chờn, điện áp yếu tại {spot}'],
      descriptions: ['Điện áp yếu vào buổi tối, các thiết bị điện trong nhà không hoạt động được.'],
      results: ['{agency} đã lắp đặt thêm máy biến áp, cải thiện điện áp cho khu vực.'],
    },
  ],
  'vien-thong': [
    {
      titles: ['Cáp viễn thông treo lơ lửng, mất mỹ quan tại {spot}', 'Tủ cáp viễn thông hư hỏng, mở toang tại {spot}'],
      descriptions: ['Dây cáp viễn thông chằng chịt, nhiều sợi võng xuống sát mặt đường.', 'Tủ cáp bị bung cửa, dây cáp lòi ra ngoài.'],
      results: ['{agency} đã bó gọn, thu hồi cáp không sử dụng và chỉnh trang lại tuyến cáp.'],
    },
    {
      titles: ['Sóng điện thoại yếu, mất sóng thường xuyên tại {spot}'],
      descriptions: ['Khu vực thường xuyên mất sóng, không gọi được điện thoại.'],
      results: ['{agency} đã điều chỉnh vùng phủ sóng trạm BTS, chất lượng sóng đã được cải thiện.'],
    },
    {
      titles: ['Cáp quang bị đứt, mất kết nối Internet tại {spot}'],
      descriptions: ['Cáp bị xe tải kéo đứt, cả khu vực mất Internet từ chiều qua.'],
      results: ['{agency} đã hàn nối lại cáp quang; dịch vụ đã hoạt động bình thường.'],
    },
  ],
  khac: [
    {
      titles: ['Chó thả rông không rọ mõm tại {spot}'],
      descriptions: ['Nhiều hộ nuôi chó thả rông ra đường, không rọ mõm, trẻ em đi học rất sợ.'],
      results: ['{agency} đã tuyên truyền, nhắc nhở các hộ nuôi chó thực hiện đúng quy định và xử phạt {n} trường hợp tái phạm.'],
    },
    {
      titles: ['Quảng cáo rao vặt dán trái phép tại {spot}'],
      descriptions: ['Tờ rơi quảng cáo dán chi chít trên tường, cột điện.'],
      results: ['{agency} đã tổ chức bóc xóa quảng cáo rao vặt và nhắc nhở các hộ liên quan.'],
    },
    {
      titles: ['Đề nghị lắp đặt gờ giảm tốc tại {spot}'],
      descriptions: ['Đoạn đường dốc, xe chạy tốc độ cao, đã xảy ra va chạm.'],
      results: ['{agency} đã khảo sát và đưa vào kế hoạch lắp đặt gờ giảm tốc, biển cảnh báo.'],
    },
    {
      titles: ['Khu vui chơi công cộng xuống cấp tại {spot}'],
      descriptions: ['Các thiết bị vui chơi bị gãy, hoen gỉ, nguy hiểm cho trẻ em.'],
      results: ['{agency} đã tháo dỡ thiết bị hư hỏng và lập kế hoạch thay thế.'],
    },
    {
      titles: ['Kiến nghị về việc giải quyết hồ sơ hành chính chậm'],
      descriptions: ['Hồ sơ nộp đã quá hẹn nhưng chưa nhận được kết quả, không được thông báo lý do.'],
      results: ['{agency} đã kiểm tra, trả kết quả hồ sơ và xin lỗi công dân vì sự chậm trễ.'],
    },
  ],
};
