import { View, Text } from '@tarojs/components'

export default function Index() {
  return (
    <View>
      <Text>暖心工会</Text>
    </View>
  )
}
